//! [ssr] Argon2 hashing with bounded memory. Each hash or check takes about 19 MiB for a
//! moment; without a bound, a few hundred parallel sign-ins or password posts take
//! gigabytes. At most `permits` run at once (one per core); a request that cannot get a
//! turn within `WAIT` is answered "busy" instead of queueing without end.
//!
//! They run on threads of their own, one per permit, not on the runtime's blocking pool:
//! the allocator keeps a freed 19 MiB for the thread that used it, so hashes spread over
//! a pool of hundreds of threads would keep hundreds of megabytes after a flood.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{oneshot, Semaphore};

/// An argon2id hash of a random password nobody knows: checking a password against it
/// takes as long as against a real one, so the response time does not tell which emails
/// have accounts.
pub static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    hash_password(&crate::db::sessions::new_token()).unwrap_or_default()
});

/// Hashes a password with argon2id and a random salt (for accounts made at start-up).
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Work for a hashing thread.
type Job = Box<dyn FnOnce() + Send>;

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
    jobs: mpsc::Sender<Job>,
    permits: usize,
    started: Arc<AtomicU64>,
    running: Arc<AtomicUsize>,
    peak: Arc<AtomicUsize>,
}

impl Hashing {
    pub fn new(permits: usize) -> Hashing {
        let permits = permits.max(1);
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..permits {
            let queue = queue.clone();
            // A thread ends when every sender (every clone of this `Hashing`) is gone.
            let worker = move || loop {
                let next = queue
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .recv();
                match next {
                    // A panic in one hash must not take the thread (and its slot) with it.
                    Ok(job) => {
                        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                    }
                    Err(_) => return,
                }
            };
            if let Err(error) = std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(worker)
            {
                tracing::error!(%error, "could not start a hashing thread");
            }
        }
        Hashing {
            slots: Arc::new(Semaphore::new(permits)),
            jobs,
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
    /// as the mark of an account without a password). With no `stored` hash (no such
    /// account) it checks against a dummy hash all the same, so the time taken does not
    /// tell which emails have accounts.
    pub async fn verify(
        &self,
        password: String,
        stored: Option<String>,
    ) -> Result<bool, HashError> {
        self.run(move || {
            let stored = stored.unwrap_or_else(|| DUMMY_HASH.clone());
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
        let (reply, result) = oneshot::channel();
        let job: Job = Box::new(move || {
            let result = work();
            running.fetch_sub(1, Ordering::SeqCst);
            drop(permit);
            let _ = reply.send(result);
        });
        self.jobs
            .send(job)
            .map_err(|_| HashError::Failed("no hashing thread".to_owned()))?;
        result
            .await
            .map_err(|_| HashError::Failed("a hashing thread stopped".to_owned()))
    }
}
