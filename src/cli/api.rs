//! The command line of `api`: the request (as `gh api` takes it), the answer, pagination, and
//! the token as `fetch` obtains it.

use std::path::PathBuf;

use clap::Args;

use super::args::TokenStdinArg;
use super::fetch::FetchArgs;

/// `--format` of `api`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ApiFormat {
    /// Failures as text for people
    Text,
    /// Failures as one JSON document (as --json)
    Json,
}

/// `wxtoken api PATH`.
#[derive(Debug, Args)]
pub struct ApiArgs {
    /// The API: cgi-bin/user/get, /cgi-bin/user/get?next_openid=X, or a full https:// URL on
    /// the API base's host (the token goes to no other host)
    #[arg(value_name = "PATH")]
    pub path: String,

    /// The HTTP method [default: GET; POST once a field, --input or --form is given]
    #[arg(short = 'X', long, value_name = "METHOD", help_heading = "Request")]
    pub method: Option<String>,

    /// A string field: key=value; key[sub]=value builds an object, key[]=value an array. In the
    /// JSON body (POST), or the query string (GET, or with --input)
    #[arg(
        short = 'f',
        long = "raw-field",
        value_name = "KEY=VALUE",
        help_heading = "Request"
    )]
    pub raw_fields: Vec<String>,

    /// A typed field: true, false, null and integers become JSON; @FILE reads a file's text,
    /// @- stdin's; anything else is a string
    #[arg(
        short = 'F',
        long = "field",
        value_name = "KEY=VALUE",
        help_heading = "Request"
    )]
    pub fields: Vec<String>,

    /// Send this file ("-" for stdin) as the body, as it is (fields then go to the query
    /// string)
    #[arg(long, value_name = "FILE", help_heading = "Request")]
    pub input: Option<PathBuf>,

    /// A multipart/form-data part: name=@FILE (a file, as media uploads take it) or name=value
    #[arg(long, value_name = "NAME=@FILE", help_heading = "Request")]
    pub form: Vec<String>,

    /// An extra request header: 'Name: value'
    #[arg(short = 'H', long, value_name = "HEADER", help_heading = "Request")]
    pub header: Vec<String>,

    /// Print the request that would be sent (the token masked) and send nothing
    #[arg(long, help_heading = "Request")]
    pub dry_run: bool,

    #[command(flatten, next_help_heading = "Request")]
    pub given: TokenStdinArg,

    /// Print the HTTP status line and the answer's headers before its body
    #[arg(short, long, help_heading = "Answer")]
    pub include: bool,

    /// Print no body (the exit code and errors still tell how the call went)
    #[arg(long, help_heading = "Answer")]
    pub silent: bool,

    /// How failures are told on stderr: text, or json (as --json: one JSON document)
    #[arg(long, value_name = "FORMAT", value_enum, help_heading = "Answer")]
    pub format: Option<ApiFormat>,

    /// Write the body to FILE (atomically; for a QR code or a media file) instead of stdout
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "paginate",
        help_heading = "Answer"
    )]
    pub output: Option<PathBuf>,

    /// Fetch every page (next_openid, offset/count, or WeChat Work's cursor), each printed as one
    /// JSON document on its own line
    #[arg(long, help_heading = "Pagination")]
    pub paginate: bool,

    /// With --paginate: print the pages as one JSON array
    #[arg(long, requires = "paginate", help_heading = "Pagination")]
    pub slurp: bool,

    /// With --paginate: at most this many pages (each spends the API's daily quota); reaching it
    /// before the last page exits 15
    #[arg(
        long,
        value_name = "N",
        default_value_t = 10,
        requires = "paginate",
        help_heading = "Pagination"
    )]
    pub max_pages: u32,

    /// With --paginate, for an API wxtoken does not know: openid (next_openid), offset
    /// (offset/count against total_count) or cursor (cursor/next_cursor), optionally with the
    /// request's and the answer's field names: cursor:cursor,next_cursor
    #[arg(
        long,
        value_name = "STYLE[:REQ,ANS]",
        requires = "paginate",
        help_heading = "Pagination"
    )]
    pub paginate_style: Option<String>,

    // The token options under their own headings (the platform's under none).
    #[command(flatten, next_help_heading = None::<&str>)]
    pub fetch: FetchArgs,
}
