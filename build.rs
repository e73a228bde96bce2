//! What `wxtoken --version` says beyond the version: the commit, the build date and the target;
//! and, on Linux with glibc, the unwinder linked in rather than loaded (see `static_libgcc`).
//! Nothing here is needed to build: without git (a crates.io download) the commit is "unknown",
//! and without a `libgcc_eh.a` the unwinder is loaded from `libgcc_s.so.1` as Rust does by default.

use std::process::Command;

fn main() {
    let commit = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "unknown".into());
    // Reproducible builds set SOURCE_DATE_EPOCH; else the build's own time.
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    println!("cargo:rustc-env=WXTOKEN_COMMIT={commit}");
    println!("cargo:rustc-env=WXTOKEN_BUILD_DATE={y:04}-{m:02}-{d:02}");
    println!(
        "cargo:rustc-env=WXTOKEN_TARGET={}",
        std::env::var("TARGET").unwrap_or_default()
    );
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    static_libgcc();
    for path in [".git/HEAD", ".git/refs/heads", ".git/packed-refs"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}

/// Link GCC's unwinder (`libgcc_eh.a`) into the binary instead of loading `libgcc_s.so.1` at
/// every start. std asks for `-lgcc_s` by name, so `-static-libgcc` has no effect; a file named
/// `libgcc_s.a` found first on the search path, naming `libgcc_eh.a`, is what the linker then
/// takes. One shared library fewer to map, relocate and search for every libc symbol took a
/// cache hit from 1.34 to 1.18 times `cat` (docs/performance.md), for 24 KB of binary; the
/// binary then needs libc alone. Only where the linker is known to be the target's own (`cc` for
/// a native build, or the linker Cargo was given) and names an existing `libgcc_eh.a`; a
/// `crt-static` build links it statically already.
fn static_libgcc() {
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "linux"
        || var("CARGO_CFG_TARGET_ENV") != "gnu"
        || var("CARGO_CFG_TARGET_FEATURE")
            .split(',')
            .any(|f| f == "crt-static")
    {
        return;
    }
    let linker = match std::env::var("RUSTC_LINKER") {
        Ok(linker) => linker,
        Err(_) if var("TARGET") == var("HOST") => "cc".to_string(),
        // A cross build with the default linker: the host's cc would name the host's library.
        Err(_) => return,
    };
    let Some(eh) = Command::new(&linker)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|p| {
            let p = std::path::Path::new(p);
            // A bare name back means the compiler has none.
            p.is_absolute() && p.is_file()
        })
    else {
        return;
    };
    if eh.contains('"') {
        return;
    }
    let dir = std::path::PathBuf::from(var("OUT_DIR")).join("static-libgcc");
    let script =
        format!("/* libgcc_s as GCC's static unwinder: see build.rs */\nINPUT(\"{eh}\")\n");
    if std::fs::create_dir_all(&dir).is_ok()
        && std::fs::write(dir.join("libgcc_s.a"), script).is_ok()
    {
        println!("cargo:rustc-link-search=native={}", dir.display());
    }
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}
