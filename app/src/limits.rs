//! [ssr] The rate limits of `domain::limits`, enforced per client with `governor`'s keyed
//! limiters (GCRA, in memory, per server process). Keys are client addresses (see
//! `ClientAddress`) or, at a kiosk, the tablet's device id.

use crate::domain::limits::Limited;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// The address a request comes from: the connection's peer, or, when the peer is one of
/// `FRONTDESK_TRUSTED_PROXIES`, the address that proxy says it forwarded. Put in the
/// request's extensions by the server before any handler runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// Every limiter of one server process.
#[derive(Clone)]
pub struct Limits {
    limiters: Arc<HashMap<Limited, DefaultKeyedRateLimiter<String>>>,
}

impl Limits {
    /// The table of `domain::limits`.
    pub fn standard() -> Limits {
        Limits::from_table(|limited| {
            let quota = limited.quota();
            let burst = NonZeroU32::new(quota.burst).unwrap_or(NonZeroU32::MIN);
            Quota::with_period(Duration::from_secs(quota.period_seconds))
                .map(|q| q.allow_burst(burst))
        })
    }

    /// No limit that a test could meet (for tests about something else, which race
    /// hundreds of requests from one address).
    pub fn generous() -> Limits {
        let plenty = NonZeroU32::new(1_000_000).unwrap_or(NonZeroU32::MAX);
        Limits::from_table(|_| Some(Quota::per_second(plenty).allow_burst(plenty)))
    }

    fn from_table(quota: impl Fn(Limited) -> Option<Quota>) -> Limits {
        let limiters = Limited::ALL
            .into_iter()
            .filter_map(|limited| Some((limited, RateLimiter::keyed(quota(limited)?))))
            .collect();
        Limits {
            limiters: Arc::new(limiters),
        }
    }

    /// Counts one `what` for `key`: `Ok`, or how long until the next one is allowed.
    pub fn check(&self, what: Limited, key: &str) -> Result<(), Duration> {
        let Some(limiter) = self.limiters.get(&what) else {
            return Ok(());
        };
        limiter
            .check_key(&key.to_owned())
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }

    /// Forgets clients whose limits have refilled, so memory stays bounded however many
    /// addresses have come by. Called every minute.
    pub fn forget_refilled(&self) {
        for limiter in self.limiters.values() {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}
