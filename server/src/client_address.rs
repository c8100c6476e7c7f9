//! Which address a request comes from, for the rate limits and the sign-in slow-down.
//! The connection's peer, unless the peer is a trusted reverse proxy
//! (`FRONTDESK_TRUSTED_PROXIES`): then the nearest address in `X-Forwarded-For` that is
//! not itself a trusted proxy. A header anyone can send is never believed on its own.

use app::limits::ClientAddress;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The proxies whose `X-Forwarded-For` is believed: addresses or networks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrustedProxies(pub Vec<IpNet>);

impl TrustedProxies {
    /// Parses `10.0.0.5, 192.168.0.0/24, ::1` (an IPv4 address also matches its IPv6-mapped
    /// form, as a dual-stack listener reports it).
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        list.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| {
                        format!("FRONTDESK_TRUSTED_PROXIES: {item:?} is not an address or network")
                    })
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }
}

/// Puts the request's `ClientAddress` in its extensions.
pub async fn client_address(
    State(trusted): State<TrustedProxies>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_canonical());
    let address = resolve(peer, request.headers(), &trusted);
    request.extensions_mut().insert(ClientAddress(address));
    next.run(request).await
}

/// The client behind `peer`. Without a peer (a test driving the router directly) every
/// request shares the unspecified address.
fn resolve(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    let Some(peer) = peer else {
        return IpAddr::V4(Ipv4Addr::UNSPECIFIED);
    };
    if !trusted.trusts(peer) {
        return peer;
    }
    // Each proxy appends the address it heard from: walk back from the nearest one.
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|item| item.trim().parse::<IpAddr>().ok())
        .map(|address| address.to_canonical())
        .collect();
    forwarded
        .iter()
        .rev()
        .find(|address| !trusted.trusts(**address))
        .or(forwarded.first())
        .copied()
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn forwarded(value: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_static(value));
        headers
    }

    #[test]
    fn a_forwarded_header_from_an_untrusted_peer_is_ignored() {
        let none = TrustedProxies::default();
        let peer: IpAddr = "203.0.113.7".parse().unwrap();
        assert_eq!(resolve(Some(peer), &forwarded("198.51.100.1"), &none), peer);
    }

    #[test]
    fn behind_a_trusted_proxy_the_nearest_untrusted_address_is_the_client() {
        let trusted = TrustedProxies::parse("10.0.0.0/8, 127.0.0.1").unwrap();
        let proxy: IpAddr = "10.0.0.5".parse().unwrap();
        // A client that forges a first hop cannot choose its own address.
        let headers = forwarded("1.2.3.4, 198.51.100.9, 10.0.0.9");
        assert_eq!(
            resolve(Some(proxy), &headers, &trusted),
            "198.51.100.9".parse::<IpAddr>().unwrap()
        );
        assert_eq!(resolve(Some(proxy), &HeaderMap::new(), &trusted), proxy);
        // A dual-stack listener reports the proxy as an IPv6-mapped address.
        let mapped: IpAddr = "::ffff:10.0.0.5".parse::<IpAddr>().unwrap().to_canonical();
        assert_eq!(
            resolve(Some(mapped), &headers, &trusted),
            "198.51.100.9".parse::<IpAddr>().unwrap()
        );
        assert!(TrustedProxies::parse("10.0.0.0/8, nonsense").is_err());
    }
}
