//! Credentials stay on their platform, and every run says what it used (#20): which gateway
//! receives which secret for every combination of platform flag, profile and variables; the
//! profile in effect named in `-v`, `--json` and the errors it causes.

use std::os::unix::fs::PermissionsExt;

use crate::common::*;

const MP_SECRET: &str = "aaaa1111aaaa1111aaaa1111aaaa1111";
const OA_SECRET: &str = "bbbb2222bbbb2222bbbb2222bbbb2222";
const CORP_SECRET: &str = "CCCCccccCCCCccccCCCCccccCCCCccccCCCCccccCCC";
const WORK_SECRET: &str = "DDDDddddDDDDddddDDDDddddDDDDddddDDDDddddDDD";

/// Four gateways: each platform's (the variables') and each profile's.
struct Gateways {
    mp: Mock,
    wecom: Mock,
    oa: Mock,
    work: Mock,
}

impl Gateways {
    fn start() -> Gateways {
        let any = || Mock::with(|_, _| Reply::token(7200));
        Gateways {
            mp: any(),
            wecom: any(),
            oa: any(),
            work: any(),
        }
    }

    /// Every request each gateway received carries only its own platform's secrets.
    fn assert_no_crossing(&self, case: &str) {
        for (mock, foreign) in [
            (&self.mp, [CORP_SECRET, WORK_SECRET]),
            (&self.oa, [CORP_SECRET, WORK_SECRET]),
            (&self.wecom, [MP_SECRET, OA_SECRET]),
            (&self.work, [MP_SECRET, OA_SECRET]),
        ] {
            for req in mock.requests() {
                for secret in foreign {
                    assert!(
                        !req.target.contains(secret)
                            && !String::from_utf8_lossy(&req.body).contains(secret),
                        "{case}: {} reached the other platform's gateway",
                        &secret[..4]
                    );
                }
            }
        }
    }

    fn total(&self) -> usize {
        self.mp.count() + self.wecom.count() + self.oa.count() + self.work.count()
    }
}

fn config_file(g: &Gateways, default: Option<&str>) -> std::path::PathBuf {
    let dir = tempdir();
    let path = dir.join("config.toml");
    let default = default.map_or(String::new(), |d| format!("default_profile = \"{d}\"\n"));
    std::fs::write(
        &path,
        format!(
            "{default}[profiles.oa]\nappid = \"wx00000000000000aa\"\nsecret_env = \"OA_SECRET\"\napi_base = \"{}\"\n\
             [profiles.work]\nplatform = \"wecom\"\ncorpid = \"ww00000000000000bb\"\nsecret_env = \"WORK_SECRET\"\napi_base = \"{}\"\n",
            g.oa.url(),
            g.work.url()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path
}

#[test]
fn no_combination_sends_a_secret_to_the_other_platforms_gateway() {
    let g = Gateways::start();
    let mut runs = 0;
    for platform in [None, Some("mp"), Some("wecom")] {
        for profile in [
            "",
            "--profile oa",
            "--profile work",
            "default oa",
            "default work",
        ] {
            for vars in ["all", "mp", "wecom", "none", "all, no gateway variables"] {
                let default = profile.strip_prefix("default ");
                let path = config_file(&g, default);
                let mut cmd = wxtoken();
                cmd.arg("fetch").arg("--config").arg(&path);
                cmd.env("OA_SECRET", OA_SECRET)
                    .env("WORK_SECRET", WORK_SECRET)
                    .args(["--retries", "0"]);
                if vars == "all, no gateway variables" {
                    // A run for a default host (https) stops at a proxy that is not there:
                    // nothing leaves the machine.
                    cmd.env("https_proxy", format!("http://127.0.0.1:{}", closed_port()));
                } else {
                    cmd.env("WXTOKEN_API_BASE", g.mp.url())
                        .env("WXTOKEN_WECOM_API_BASE", g.wecom.url());
                }
                if let Some(p) = platform {
                    cmd.args(["--platform", p]);
                }
                if let Some(name) = profile.strip_prefix("--profile ") {
                    cmd.args(["--profile", name]);
                }
                let all = vars.starts_with("all");
                if all || vars == "mp" {
                    cmd.env("WXTOKEN_APPID", "wx00000000000000cc")
                        .env("WXTOKEN_SECRET", MP_SECRET);
                }
                if all || vars == "wecom" {
                    cmd.env("WXTOKEN_CORPID", "ww00000000000000dd")
                        .env("WXTOKEN_CORPSECRET", CORP_SECRET)
                        .env("WXTOKEN_AGENTID", "1000002");
                }
                let case = format!("platform {platform:?}, profile {profile:?}, variables {vars}");
                let before = g.total();
                let out = run_hiding(&mut cmd, MP_SECRET);
                for secret in [OA_SECRET, CORP_SECRET, WORK_SECRET] {
                    assert_no_leak(&out, secret);
                }
                assert!(matches!(out.code, 0 | 2 | 3), "{case}: {out:?}");
                assert_eq!(
                    g.total() - before,
                    usize::from(out.code == 0),
                    "{case}: one request when it succeeds, none when it is refused: {out:?}"
                );
                g.assert_no_crossing(&case);
                runs += 1;
            }
        }
    }
    assert_eq!(runs, 75);
    // Every gateway was used by some combination: the matrix tests each of them.
    for (name, mock) in [
        ("mp", &g.mp),
        ("wecom", &g.wecom),
        ("oa", &g.oa),
        ("work", &g.work),
    ] {
        assert!(mock.count() > 0, "{name} was never reached");
    }
}

#[test]
fn a_named_profile_of_the_other_platform_is_refused_and_a_default_one_is_not_applied() {
    let g = Gateways::start();
    let named = config_file(&g, None);
    let out = run(wxtoken()
        .args([
            "fetch",
            "--platform",
            "wecom",
            "--profile",
            "oa",
            "--config",
        ])
        .arg(&named)
        .env("OA_SECRET", OA_SECRET)
        .env("WXTOKEN_CORPID", "ww00000000000000dd")
        .env("WXTOKEN_CORPSECRET", CORP_SECRET));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("profile \"oa\" (--profile in ")
            && out.stderr.contains("is for mp, and this run is for wecom"),
        "{out:?}"
    );
    assert_eq!(g.total(), 0);
    // README's own example: its default profile (a Mini Program with stable = true) does not
    // touch a WeChat Work run.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/profiles.md")).unwrap();
    let from = readme
        .find("```toml\n# ~/.config/wxtoken/config.toml")
        .unwrap()
        + 8;
    let to = from + readme[from..].find("```\n").unwrap();
    let dir = tempdir();
    let path = dir.join("config.toml");
    std::fs::write(&path, &readme[from..to]).unwrap();
    let out = run(wxtoken()
        .args(["fetch", "--platform", "wecom", "-v", "--config"])
        .arg(&path)
        .env("WXTOKEN_CORPID", "ww00000000000000dd")
        .env("WXTOKEN_CORPSECRET", CORP_SECRET)
        .env("WXTOKEN_WECOM_API_BASE", g.wecom.url()));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr
            .contains("profile: none (profile \"mini\" (default_profile in ")
            && out
                .stderr
                .contains("is for mp, not applied to this wecom run"),
        "{out:?}"
    );
    assert_eq!(g.wecom.count(), 1);
}

#[test]
fn the_profile_in_effect_is_named_in_verbose_json_and_the_errors_it_causes() {
    let g = Gateways::start();
    let dir = tempdir();
    let path = dir.join("config.toml");
    std::fs::write(
        &path,
        format!(
            "default_profile = \"mini\"\n[profiles.mini]\nappid = \"{APPID}\"\nsecret_env = \"MINI\"\napi_base = \"{}\"\nproxy = \"http://127.0.0.1:{}\"\n\
             [profiles.work]\nplatform = \"wecom\"\ncorpid = \"ww00000000000000bb\"\nsecret_env = \"WORK_SECRET\"\nstable = true\n",
            g.oa.url(),
            closed_port()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let with = |args: &[&str]| {
        let mut cmd = wxtoken();
        cmd.args(args)
            .arg("--config")
            .arg(&path)
            .env("MINI", SECRET)
            .env("WORK_SECRET", WORK_SECRET)
            .env("NO_PROXY", "127.0.0.1");
        cmd
    };
    let out = run(&mut with(&["fetch", "-v", "--json"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json()["profile"], "mini");
    assert!(
        out.stderr
            .contains("* profile: profile \"mini\" (default_profile in ")
            && out
                .stderr
                .contains("which sets: appid, proxy, api_base, secret_env"),
        "{out:?}"
    );
    assert!(out.stderr.contains("(from profile \"mini\")"), "{out:?}");
    assert!(
        out.stderr.contains(
            "* credentials: app id from profile \"mini\" (appid), secret from profile \"mini\" (secret_env)"
        ),
        "{out:?}"
    );
    assert!(!out.stderr.contains("(from --proxy)"), "{out:?}");
    // An error a profile's setting causes names the profile and what it set.
    let out = run(&mut with(&["fetch", "--profile", "work", "--json"]));
    assert_eq!(out.code, 2, "{out:?}");
    let doc = out.json();
    assert_eq!(doc["profile"], "work", "{doc}");
    let hint = doc["error"]["hint"].as_str().unwrap();
    assert!(
        hint.contains("this run uses profile \"work\" (--profile in ")
            && hint.contains("which sets: platform, corpid, stable, secret_env"),
        "{doc}"
    );
    // Without a profile, no "profile" key.
    let out = run(fetch(&g.mp).args(["--json", "--no-profile"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.json().get("profile").is_none(), "{out:?}");
}

#[test]
fn the_variable_secret_is_set_aside_for_the_profiles_app_with_a_warning() {
    let g = Gateways::start();
    let path = config_file(&g, Some("oa"));
    let out = run_hiding(
        wxtoken()
            .args(["fetch", "--config"])
            .arg(&path)
            .env("OA_SECRET", OA_SECRET)
            .env("WXTOKEN_SECRET", MP_SECRET),
        MP_SECRET,
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr
            .contains("WXTOKEN_SECRET is set but not used: profile \"oa\" (default_profile in "),
        "{out:?}"
    );
    let req = g.oa.last();
    assert!(
        req.target.contains(OA_SECRET),
        "the profile's own secret went"
    );
    assert!(!req.target.contains(MP_SECRET));
    // The variable's app, named by its variable, takes the variable's secret (and no warning).
    let out = run_hiding(
        wxtoken()
            .args(["fetch", "--config"])
            .arg(&path)
            .env("OA_SECRET", OA_SECRET)
            .env("WXTOKEN_APPID", "wx00000000000000cc")
            .env("WXTOKEN_SECRET", MP_SECRET),
        MP_SECRET,
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(!out.stderr.contains("set but not used"), "{out:?}");
    assert!(g.oa.last().target.contains("wx00000000000000cc"));
    // The other platform's variables on a machine that has both: never read, never an error.
    let out = run(fetch(&g.mp)
        .arg("--no-profile")
        .env("WXTOKEN_CORPID", "ww00000000000000dd")
        .env("WXTOKEN_AGENTID", "1000002")
        .env("WXTOKEN_CORPSECRET", CORP_SECRET));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(!g.mp.last().target.contains(CORP_SECRET));
}
