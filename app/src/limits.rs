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

impl ClientAddress {
    /// The key its limits are counted under: the IPv4 address, or the IPv6 /64 network
    /// (one household or host has a whole /64 and could rotate within it for ever).
    pub fn limit_key(&self) -> String {
        match self.0.to_canonical() {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        }
    }
}

/// Every limiter of one server process.
#[derive(Clone)]
pub struct Limits {
    limiters: Arc<HashMap<Limited, DefaultKeyedRateLimiter<String>>>,
    /// The partners' API's burst, as configured (its page tells partners).
    partner_burst: u32,
}

impl Limits {
    /// The table of `domain::limits`.
    pub fn standard() -> Limits {
        Limits::with_partner_burst(Limited::PartnerRead.quota().burst)
    }

    /// The table, with `burst` requests at once to the partners' API.
    pub fn with_partner_burst(burst: u32) -> Limits {
        let mut limits = Limits::from_table(|limited| {
            let mut quota = limited.quota();
            if limited == Limited::PartnerRead {
                quota.burst = burst;
            }
            let burst = NonZeroU32::new(quota.burst).unwrap_or(NonZeroU32::MIN);
            Quota::with_period(Duration::from_secs(quota.period_seconds))
                .map(|q| q.allow_burst(burst))
        });
        limits.partner_burst = burst;
        limits
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
            partner_burst: Limited::PartnerRead.quota().burst,
        }
    }

    /// Requests one address may make to the partners' API at once.
    pub fn partner_burst(&self) -> u32 {
        self.partner_burst
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_network_counts_as_one_client_and_mapped_ipv4_as_its_address() {
        let a = ClientAddress("2001:db8:1:2::1".parse().unwrap());
        let b = ClientAddress("2001:db8:1:2:ffff::9".parse().unwrap());
        assert_eq!(a.limit_key(), b.limit_key());
        assert_eq!(a.limit_key(), "2001:db8:1:2::/64");
        let mapped = ClientAddress("::ffff:192.0.2.7".parse().unwrap());
        assert_eq!(mapped.limit_key(), "192.0.2.7");
    }

    #[test]
    fn a_client_gets_its_burst_and_then_waits() {
        let limits = Limits::standard();
        let burst = Limited::KioskPairing.quota().burst;
        for _ in 0..burst {
            assert!(limits.check(Limited::KioskPairing, "192.0.2.1").is_ok());
        }
        let wait = limits
            .check(Limited::KioskPairing, "192.0.2.1")
            .unwrap_err();
        assert!(wait.as_secs() <= Limited::KioskPairing.quota().period_seconds);
        assert!(
            limits.check(Limited::KioskPairing, "192.0.2.2").is_ok(),
            "another client"
        );
    }
}
