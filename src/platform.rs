//! Which WeChat platform, and which of its endpoints a kept credential comes from (the access
//! token's three, and the four JS-SDK tickets): the two facts every layer names.

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

/// Which endpoint a kept credential comes from: a token endpoint, or a ticket's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `GET /cgi-bin/token`: every call invalidates the previous token.
    Token,
    /// `POST /cgi-bin/stable_token`: the same token for every caller while it is valid.
    StableToken,
    /// WeChat Work's `GET /cgi-bin/gettoken?corpid=&corpsecret=`: one token per app.
    WecomToken,
    /// `GET /cgi-bin/ticket/getticket?type=jsapi`: the JS-SDK ticket of an Official Account.
    JsapiTicket,
    /// `GET /cgi-bin/ticket/getticket?type=wx_card`: the card ticket (`api_ticket`).
    CardTicket,
    /// WeChat Work's `GET /cgi-bin/get_jsapi_ticket`: the corp's ticket, for `wx.config`.
    CorpTicket,
    /// WeChat Work's `GET /cgi-bin/ticket/get?type=agent_config`: an app's, for
    /// `wx.agentConfig`.
    AgentTicket,
}

/// Every endpoint, for lookups by name.
const ALL: [Endpoint; 7] = [
    Endpoint::Token,
    Endpoint::StableToken,
    Endpoint::WecomToken,
    Endpoint::JsapiTicket,
    Endpoint::CardTicket,
    Endpoint::CorpTicket,
    Endpoint::AgentTicket,
];

impl Endpoint {
    /// Its name in file names, store keys and `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::Token => "token",
            Endpoint::StableToken => "stable_token",
            Endpoint::WecomToken => "gettoken",
            Endpoint::JsapiTicket => "jsapi_ticket",
            Endpoint::CardTicket => "wx_card_ticket",
            Endpoint::CorpTicket => "corp_jsapi_ticket",
            Endpoint::AgentTicket => "agent_config_ticket",
        }
    }

    /// The platform whose endpoint this is.
    pub fn platform(self) -> Platform {
        match self {
            Endpoint::WecomToken | Endpoint::CorpTicket | Endpoint::AgentTicket => Platform::Wecom,
            Endpoint::Token
            | Endpoint::StableToken
            | Endpoint::JsapiTicket
            | Endpoint::CardTicket => Platform::Mp,
        }
    }

    /// `mp` or `wecom`, as `--platform` and the JSON output name it.
    pub fn platform_name(self) -> &'static str {
        self.platform().name()
    }

    /// Whether this is a ticket's endpoint (what is kept is a ticket, not a token).
    pub fn is_ticket(self) -> bool {
        matches!(
            self,
            Endpoint::JsapiTicket
                | Endpoint::CardTicket
                | Endpoint::CorpTicket
                | Endpoint::AgentTicket
        )
    }

    pub fn from_name(name: &str) -> Option<Endpoint> {
        ALL.into_iter().find(|e| e.name() == name)
    }
}
