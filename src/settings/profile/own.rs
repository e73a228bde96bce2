//! What a profile gives wxtoken itself rather than clap (its own keys, `OWN_KEYS`), and what a
//! run says about the profile it used.

use std::path::PathBuf;

use super::secret::FromProfile;

/// What a profile gives that no flag holds: its secret source, and its API base (which comes
/// after `--api-base` and the platform's variable). The clap structs carry only the command
/// line and the flags' defaults (a profile's other settings among them).
#[derive(Default)]
pub struct ProfileSettings {
    pub secret: Option<FromProfile>,
    pub api_base: Option<String>,
    /// The profile in effect, if any, and what it set.
    pub used: Option<UsedProfile>,
    /// A default profile that was not applied, and why (for `-v`).
    pub skipped: Option<String>,
}

/// The profile a run used: named in its messages, `-v` and `--json`.
pub struct UsedProfile {
    pub name: String,
    /// How it was chosen: `--profile`, `WXTOKEN_PROFILE` or `default_profile`.
    pub chosen_by: &'static str,
    pub path: PathBuf,
    /// The settings it gave this run (those the command has, and no flag or variable beat).
    pub keys: Vec<String>,
    /// Its appid (or corpid), where it sets one.
    pub id: Option<String>,
    /// Whether the command line's id (`appid`, `corpid`) is the profile's: no flag gave one.
    pub id_in_args: bool,
    /// Whether the command line's `agentid` is the profile's.
    pub agentid_in_args: bool,
}

impl UsedProfile {
    /// `profile "mini" (default_profile in ~/.config/wxtoken/config.toml)`, escaped.
    pub fn describe(&self, lang: crate::lang::Lang) -> String {
        let name = crate::redact::sanitize(&self.name);
        let path = crate::redact::sanitize(&self.path.display().to_string());
        let by = self.chosen_by;
        crate::tr!(
            lang,
            "profile \"{name}\" ({by} in {path})",
            "profile \"{name}\"（{by}，{path}）"
        )
    }
}
