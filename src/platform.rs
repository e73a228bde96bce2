//! Which WeChat platform, and which of its token endpoints: the two facts every layer names.

/// Which WeChat platform: the same errcode means different things on different ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    /// Official Accounts and Mini Programs (`api.weixin.qq.com`).
    Mp,
    /// WeChat Work / 企业微信 (`qyapi.weixin.qq.com`).
    Wecom,
}

impl Platform {
    /// The platform's name on the command line and in `--json`: `mp` or `wecom`.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Mp => "mp",
            Platform::Wecom => "wecom",
        }
    }
}

/// Which token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `GET /cgi-bin/token`: every call invalidates the previous token.
    Token,
    /// `POST /cgi-bin/stable_token`: the same token for every caller while it is valid.
    StableToken,
    /// WeChat Work's `GET /cgi-bin/gettoken?corpid=&corpsecret=`: one token per app.
    WecomToken,
}

impl Endpoint {
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::Token => "token",
            Endpoint::StableToken => "stable_token",
            Endpoint::WecomToken => "gettoken",
        }
    }

    /// The platform whose endpoint this is.
    pub fn platform(self) -> Platform {
        match self {
            Endpoint::WecomToken => Platform::Wecom,
            Endpoint::Token | Endpoint::StableToken => Platform::Mp,
        }
    }

    /// `mp` or `wecom`, as `--platform` and the JSON output name it.
    pub fn platform_name(self) -> &'static str {
        match self {
            Endpoint::WecomToken => "wecom",
            Endpoint::Token | Endpoint::StableToken => "mp",
        }
    }

    pub fn from_name(name: &str) -> Option<Endpoint> {
        match name {
            "token" => Some(Endpoint::Token),
            "stable_token" => Some(Endpoint::StableToken),
            "gettoken" => Some(Endpoint::WecomToken),
            _ => None,
        }
    }
}
