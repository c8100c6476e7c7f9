//! [ssr] Argon2 hashing with bounded memory. Each hash or check takes about 19 MiB for a
//! moment; without a bound, a few hundred parallel sign-ins or password posts take
//! gigabytes. At most `permits` run at once (one per core); a request that cannot get a
//! turn within `WAIT` is answered "busy" instead of queueing without end.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// How long a request waits for a turn to hash before it is told to try again.
pub const WAIT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("every hashing slot is busy")]
    Busy,
    #[error("hashing failed: {0}")]
    Failed(String),
}

/// The hashing slots of one server process, with counters the tests read.
#[derive(Clone)]
pub struct Hashing {
    slots: Arc<Semaphore>,
    permits: usize,
    started: Arc<AtomicU64>,
    running: Arc<AtomicUsize>,
    peak: Arc<AtomicUsize>,
}

impl Hashing {
    pub fn new(permits: usize) -> Hashing {
        let permits = permits.max(1);
        Hashing {
            slots: Arc::new(Semaphore::new(permits)),
            permits,
            started: Arc::default(),
            running: Arc::default(),
            peak: Arc::default(),
        }
    }

    /// One slot per core of this machine.
    pub fn per_core() -> Hashing {
        Hashing::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    }

    pub fn permits(&self) -> usize {
        self.permits
    }

    /// Hashes run so far.
    pub fn started(&self) -> u64 {
        self.started.load(Ordering::SeqCst)
    }

    /// The most hashes that ever ran at once.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }

    /// A new argon2id hash of `password` with a random salt.
    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        self.run(move || {
            let salt = SaltString::generate(&mut rand::rngs::OsRng);
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(|e| HashError::Failed(e.to_string()))
        })
        .await?
    }

    /// Whether `password` matches `stored` (false for anything that is not a hash, such
    /// as the mark of an account without a password).
    pub async fn verify(&self, password: String, stored: String) -> Result<bool, HashError> {
        self.run(move || {
            PasswordHash::new(&stored).is_ok_and(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
        })
        .await
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let permit = tokio::time::timeout(WAIT, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| HashError::Busy)?
            .map_err(|_| HashError::Busy)?;
        self.started.fetch_add(1, Ordering::SeqCst);
        let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        let running = self.running.clone();
        let result = tokio::task::spawn_blocking(move || {
            let result = work();
            running.fetch_sub(1, Ordering::SeqCst);
            drop(permit);
            result
        })
        .await
        .map_err(|e| HashError::Failed(e.to_string()))?;
        Ok(result)
    }
}
