//! How the binary is linked (build.rs): on Linux with glibc, GCC's unwinder is linked in, so the
//! loader maps libc alone at every start, and a panic still unwinds (the test binaries are linked
//! the same way as `wxtoken`).

/// The shared libraries a binary asks the loader for, as `readelf -d` lists them.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn needed(binary: &str) -> Vec<String> {
    let out = std::process::Command::new("readelf")
        .args(["-d", "-W", binary])
        .output()
        .expect("readelf (binutils, installed with the C compiler that links Rust) must run");
    assert!(out.status.success(), "readelf -d {binary} failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("(NEEDED)"))
        .filter_map(|l| Some(l.split_once('[')?.1.trim_end_matches(']').to_string()))
        .collect()
}

#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn the_binary_loads_libc_alone() {
    let libs = needed(env!("CARGO_BIN_EXE_wxtoken"));
    assert!(libs.iter().any(|l| l.starts_with("libc.so")), "{libs:?}");
    assert!(
        !libs.iter().any(|l| l.starts_with("libgcc_s")),
        "libgcc_s.so.1 is loaded at every start again (build.rs links libgcc_eh.a in its place): {libs:?}"
    );
    // This test binary is linked the same way, so the test below exercises that unwinder.
    let me = std::env::current_exe().unwrap();
    assert!(
        !needed(me.to_str().unwrap())
            .iter()
            .any(|l| l.starts_with("libgcc_s"))
    );
}

#[inline(never)]
fn deep(n: u32) -> u32 {
    if n == 0 {
        let trace = std::backtrace::Backtrace::force_capture().to_string();
        panic!("unwound from depth {}: {trace}", trace.lines().count());
    }
    deep(n - 1) + 1
}

#[test]
fn a_panic_unwinds_and_walks_the_stack_with_the_linked_in_unwinder() {
    let caught = std::panic::catch_unwind(|| deep(8)).expect_err("the panic was not caught");
    let message = caught.downcast_ref::<String>().unwrap();
    // The walk found this test's frames, and the unwind came back here through all of them.
    assert!(
        message.contains("a_panic_unwinds_and_walks_the_stack"),
        "{message}"
    );
    assert!(message.matches("linking::deep").count() >= 8, "{message}");
}
