//! The network layer: connection settings, the HTTP client and what it goes through (the API
//! base, proxies, TLS), and transport failures explained.

pub mod api_base;
pub mod client;
pub mod connection;
pub mod forward_proxy;
pub mod proxy;
pub mod tls;
pub mod transport_error;
