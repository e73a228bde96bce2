//! What a profile gives wxtoken itself rather than clap (its own keys, `OWN_KEYS`).

use super::secret::FromProfile;

/// What a profile gives that no flag holds: its secret source, and its API base (which comes
/// after `--api-base` and the platform's variable). The clap structs carry only the command
/// line and the flags' defaults (a profile's other settings among them).
#[derive(Default)]
pub struct ProfileSettings {
    pub secret: Option<FromProfile>,
    pub api_base: Option<String>,
}
