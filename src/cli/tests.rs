//! Unit tests of the command line.

use super::*;
use clap::CommandFactory;

#[test]
fn clap_configuration_is_valid() {
    Cli::command().debug_assert();
}

#[test]
fn a_debug_print_of_the_parsed_command_line_cannot_show_the_secret() {
    let secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    let cli =
        Cli::try_parse_from(["wxtoken", "fetch", "--appid", "wx1", "--secret", secret]).unwrap();
    let shown = format!("{cli:?}");
    assert!(!shown.contains(secret), "{shown}");
    assert!(shown.contains("(redacted)"), "{shown}");
}
