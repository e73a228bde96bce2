use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(wxtoken::main(std::env::args_os().collect()))
}
