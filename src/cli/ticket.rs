//! The command line of `ticket` and `sign`: the JS-SDK tickets, and the signatures made with
//! them.

use clap::Args;

use super::args::{OutputFileArg, TokenStdinArg};
use super::fetch::FetchArgs;

/// The kinds of ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TicketKind {
    /// For wx.config: an Official Account's jsapi_ticket, or on WeChat Work the corp's
    Jsapi,
    /// Official Accounts: the card api_ticket (wx.chooseCard, wx.addCard)
    #[value(name = "wx_card")]
    WxCard,
    /// WeChat Work: an app's ticket, for wx.agentConfig
    #[value(name = "agent_config")]
    AgentConfig,
}

/// What `ticket` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TicketFormat {
    /// The ticket alone
    Ticket,
    /// One JSON document (as --json)
    Json,
}

/// `wxtoken ticket KIND`.
#[derive(Debug, Args)]
pub struct TicketArgs {
    /// Which ticket
    #[arg(value_name = "KIND", value_enum)]
    pub kind: TicketKind,

    #[command(flatten, next_help_heading = "Ticket")]
    pub given: TokenStdinArg,

    /// What to print: ticket (the ticket alone) or json (as --json) [default: ticket]
    #[arg(long, value_name = "FORMAT", value_enum, help_heading = "Output")]
    pub format: Option<TicketFormat>,

    #[command(flatten, next_help_heading = "Output")]
    pub file: OutputFileArg,

    // The token options under their own headings (the platform's under none).
    #[command(flatten, next_help_heading = None::<&str>)]
    pub fetch: FetchArgs,
}

/// `wxtoken sign`.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The page's URL, as location.href has it: its #fragment is removed, nothing else changed
    #[arg(long, value_name = "URL", help_heading = "Signature")]
    pub url: Option<String>,

    /// The nonceStr [default: 16 random letters and digits]
    #[arg(long, value_name = "NONCE", help_heading = "Signature")]
    pub nonce: Option<String>,

    /// The timestamp, in seconds [default: now]
    #[arg(long, value_name = "SECS", help_heading = "Signature")]
    pub timestamp: Option<String>,

    /// WeChat Work: sign for wx.agentConfig (the app's agent_config ticket; corpid and agentid
    /// in the output) instead of wx.config
    #[arg(long, help_heading = "Signature")]
    pub agent_config: bool,

    /// The card signature (cardExt) of this card_id, with the wx_card ticket, instead of
    /// wx.config's
    #[arg(long, value_name = "CARD_ID", help_heading = "Signature")]
    pub card: Option<String>,

    /// With --card: the card's code
    #[arg(
        long,
        value_name = "CODE",
        requires = "card",
        help_heading = "Signature"
    )]
    pub code: Option<String>,

    /// With --card: the openid the card is for
    #[arg(
        long,
        value_name = "OPENID",
        requires = "card",
        help_heading = "Signature"
    )]
    pub openid: Option<String>,

    /// Sign with this ticket instead of obtaining one ("-" reads it from stdin); with --check,
    /// the ticket the page used, compared with the one kept (--cache, --store: only read)
    #[arg(long, value_name = "TICKET", help_heading = "Signature")]
    pub ticket: Option<String>,

    /// "invalid signature": the signature the page used (with its --url, --nonce and
    /// --timestamp); says which input makes the difference. Exit 0 when it is right, 16 when
    /// it is not
    #[arg(
        long,
        value_name = "SIGNATURE",
        requires_all = ["nonce", "timestamp", "url"],
        conflicts_with = "card",
        help_heading = "Signature"
    )]
    pub check: Option<String>,

    #[command(flatten, next_help_heading = "Ticket")]
    pub given: TokenStdinArg,

    #[command(flatten, next_help_heading = None::<&str>)]
    pub fetch: FetchArgs,
}
