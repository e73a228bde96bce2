//! The WeChat layer: the requests of the token endpoints and of the API management calls,
//! answers judged and explained, the errcode catalogue, errmsg and pasted-response readers.

pub mod call;
pub mod catalog;
pub mod credentials;
pub mod errmsg;
pub mod jssdk;
pub mod judge;
pub(crate) mod management;
pub mod pages;
pub mod paste;
pub mod response;
pub mod ticket_api;
pub mod token_api;
