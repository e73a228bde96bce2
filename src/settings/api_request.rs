//! The request of `wxtoken api`, settled from its options before any token is had: the method,
//! the fields (`-f`, `-F`), a raw body (`--input`) or a multipart form (`--form`), the headers.
//! Every file and stdin is read here, once; every mistake is a usage error.

use std::io::Read;
use std::path::Path;

use serde_json::Value;

use crate::cli::ApiArgs;
use crate::error::{Failure, io_reason};
use crate::lang::Lang;
use crate::net::client::{Call, Request};
use crate::output::Printer;
use crate::tr;
use crate::wechat::call::{self, Field, MAX_ANSWER};

/// The largest body read from a file or stdin (WeChat's media uploads stop at 10 MB).
const MAX_INPUT: u64 = 64 * 1024 * 1024;

/// A request, but for its token.
#[derive(Debug, Clone)]
pub struct Built {
    pub method: String,
    pub fields: Vec<Field>,
    pub headers: Vec<(String, String)>,
    /// `--input` or `--form`: the body as given, its Content-Type.
    pub raw: Option<(String, Vec<u8>)>,
    /// Whether the body is raw (fields then go to the query string).
    pub raw_body: bool,
}

impl Built {
    /// The same request with other fields (the next page's).
    pub fn with_fields(&self, fields: &[Field]) -> Built {
        Built {
            fields: fields.to_vec(),
            ..self.clone()
        }
    }

    /// The request to `url` with `token`.
    pub fn request(&self, url: &str, token: &str) -> Request {
        let on_query = self.method == "GET" || self.raw_body;
        let query = if on_query {
            call::query_string(&self.fields)
        } else {
            String::new()
        };
        let body = match &self.raw {
            Some(raw) => Some(raw.clone()),
            None if !on_query && !self.fields.is_empty() => {
                // Raw UTF-8: WeChat shows \uXXXX escapes literally (errcode 40033).
                let doc = call::body_object(&self.fields, Lang::En).unwrap_or(Value::Null);
                Some(("application/json".to_string(), doc.to_string().into_bytes()))
            }
            None => None,
        };
        call::request(
            url,
            &query,
            token,
            Call {
                method: self.method.clone(),
                headers: self.headers.clone(),
                body,
                max_body: MAX_ANSWER,
                resendable: self.method == "GET",
            },
        )
    }
}

/// Settle the request of `args`: see the module's description.
pub fn build(args: &ApiArgs, lang: Lang, printer: &Printer) -> Result<Built, Failure> {
    let stdin_users = [
        args.given.token_stdin,
        args.input.as_deref() == Some(Path::new("-")),
        args.fetch.creds.secret_file.as_deref() == Some(Path::new("-")),
        args.fields.iter().any(|f| f.ends_with("=@-")),
        args.form.iter().any(|f| f.ends_with("=@-")),
    ];
    if stdin_users.iter().filter(|u| **u).count() > 1 {
        return Err(Failure::usage(lang.pick(
            "stdin can be read once: more than one of --token-stdin, --input -, --secret-file -, -F key=@- and --form name=@- asks for it",
            "标准输入只能读取一次：--token-stdin、--input -、--secret-file -、-F key=@- 和 --form name=@- 中有多个要读取它",
        )));
    }
    if args.input.is_some() && !args.form.is_empty() {
        return Err(Failure::usage(lang.pick(
            "--input and --form are two bodies: give one of them",
            "--input 和 --form 是两种请求体：只能给出其中之一",
        )));
    }
    let mut read = |source: &str| read_text(source, lang);
    let mut fields = Vec::new();
    for raw in &args.raw_fields {
        fields.push(call::field(raw, false, &mut read, lang)?);
    }
    for raw in &args.fields {
        fields.push(call::field(raw, true, &mut read, lang)?);
    }
    // Nesting clashes are found now, not when the body is sent.
    call::body_object(&fields, lang)?;
    let headers = args
        .header
        .iter()
        .map(|h| call::header(h, lang))
        .collect::<Result<Vec<_>, _>>()?;
    let raw = match (&args.input, args.form.is_empty()) {
        (Some(path), _) => Some(input_body(path, lang, printer)?),
        (None, false) => Some(form_body(&args.form, lang)?),
        (None, true) => None,
    };
    let method = match &args.method {
        Some(m) if !m.is_empty() && m.bytes().all(|b| b.is_ascii_alphabetic()) => {
            m.to_ascii_uppercase()
        }
        Some(m) => {
            let shown = crate::redact::sanitize(m);
            return Err(Failure::usage(tr!(
                lang,
                "-X takes an HTTP method such as GET or POST, not \"{shown}\"",
                "-X 取 HTTP 方法（如 GET 或 POST），而不是 \"{shown}\""
            )));
        }
        None if raw.is_some() || !fields.is_empty() => "POST".to_string(),
        None => "GET".to_string(),
    };
    if method == "GET" && raw.is_some() {
        return Err(Failure::usage(lang.pick(
            "-X GET sends no body: --input and --form need POST",
            "-X GET 不发送请求体：--input 和 --form 需要 POST",
        )));
    }
    Ok(Built {
        method,
        fields,
        headers,
        raw_body: raw.is_some(),
        raw,
    })
}

/// `@FILE` or `@-` of a field, as text.
fn read_text(source: &str, lang: Lang) -> Result<String, Failure> {
    let bytes = read_source(Path::new(source), lang)?;
    String::from_utf8(bytes).map_err(|_| {
        let shown = crate::redact::sanitize(source);
        Failure::usage(tr!(
            lang,
            "-F ...=@{shown}: the file is not UTF-8 text (send a file with --form or --input)",
            "-F ...=@{shown}：文件不是 UTF-8 文本（请用 --form 或 --input 发送文件）"
        ))
    })
}

/// A file's bytes, or stdin's for `-`, at most [`MAX_INPUT`].
fn read_source(path: &Path, lang: Lang) -> Result<Vec<u8>, Failure> {
    let shown = crate::redact::sanitize(&path.display().to_string());
    let fail = |why: String| {
        Failure::usage(tr!(
            lang,
            "cannot read {shown}: {why}",
            "无法读取 {shown}：{why}"
        ))
    };
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin().take(MAX_INPUT + 1).read_to_end(&mut bytes)
    } else {
        let file = crate::safe_fs::open_input(path).map_err(|e| fail(io_reason(&e, lang)))?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(fail(lang.pick("it is a directory", "它是目录").into()));
        }
        file.take(MAX_INPUT + 1).read_to_end(&mut bytes)
    };
    read.map_err(|e| fail(io_reason(&e, lang)))?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(fail(
            lang.pick("larger than 64 MiB", "大于 64 MiB").to_string(),
        ));
    }
    Ok(bytes)
}

/// `--input FILE`: sent as it is; JSON is labelled so, and escaped non-ASCII text in it warned
/// about (WeChat shows it literally).
fn input_body(path: &Path, lang: Lang, printer: &Printer) -> Result<(String, Vec<u8>), Failure> {
    let bytes = read_source(path, lang)?;
    let json = serde_json::from_slice::<Value>(&bytes).is_ok();
    if json && escapes_non_ascii(&bytes) {
        printer.warn(printer.t(
            "the body has \\uXXXX escapes of non-ASCII text: WeChat shows them literally (errcode 40033 on some APIs); write the text itself (UTF-8)",
            "请求体中有非 ASCII 文字的 \\uXXXX 转义：微信会原样显示它们（部分接口返回 40033）；请直接写文字（UTF-8）",
        ));
    }
    let content_type = if json {
        "application/json"
    } else {
        "application/octet-stream"
    };
    Ok((content_type.to_string(), bytes))
}

/// Whether JSON text escapes a non-ASCII character (`\u00e9`, `\u4e2d`).
fn escapes_non_ascii(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.match_indices("\\u").any(|(i, _)| {
        let backslashes = text[..i].chars().rev().take_while(|c| *c == '\\').count();
        let hex = text.get(i + 2..i + 6).unwrap_or_default();
        backslashes % 2 == 0 && u32::from_str_radix(hex, 16).is_ok_and(|c| c >= 0x80)
    })
}

/// `--form name=@FILE` and `--form name=value`, as one multipart/form-data body (ureq's
/// encoder; a file part carries its file name and a type guessed from it).
fn form_body(parts: &[String], lang: Lang) -> Result<(String, Vec<u8>), Failure> {
    use ureq::unversioned::multipart::{Form, Part};
    let mut files: Vec<(String, Vec<u8>, Option<String>)> = Vec::new();
    for raw in parts {
        let shown = crate::redact::sanitize(&raw.chars().take(80).collect::<String>());
        let Some((name, value)) = raw.split_once('=').filter(|(n, _)| !n.is_empty()) else {
            return Err(Failure::usage(tr!(
                lang,
                "--form takes name=@FILE or name=value, not \"{shown}\"",
                "--form 的格式是 name=@FILE 或 name=value，而不是 \"{shown}\""
            )));
        };
        match value.strip_prefix('@') {
            Some(path) => {
                let bytes = read_source(Path::new(path), lang)?;
                let file_name = Path::new(path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .filter(|_| path != "-");
                files.push((name.to_string(), bytes, file_name.or(Some("stdin".into()))));
            }
            None => files.push((name.to_string(), value.as_bytes().to_vec(), None)),
        }
    }
    let mut form = Form::new();
    for (name, bytes, file_name) in &files {
        let part = Part::bytes(bytes);
        let part = match file_name {
            Some(file) => part
                .file_name(file)
                .mime_str(media_type(file))
                .map_err(|e| Failure::internal(e.to_string()))?,
            None => part,
        };
        form = form.part(name, part);
    }
    let content_type = format!("multipart/form-data; boundary={}", form.boundary());
    let mut body = Vec::new();
    form.read_to_end(&mut body)
        .map_err(|e| Failure::internal(format!("cannot encode --form: {e}")))?;
    Ok((content_type, body))
}

/// The type of a file part by its name: the kinds WeChat's media uploads take. (Not
/// mime_guess's table of every type: its thousand relocated entries cost every run, a cache hit
/// too, startup time and resident memory.)
fn media_type(name: &str) -> &'static str {
    let ext = name
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "mp3" => "audio/mpeg",
        "amr" => "audio/amr",
        "speex" => "audio/speex",
        "mp4" => "video/mp4",
        "txt" => "text/plain",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_non_ascii_is_found_and_ascii_escapes_are_not() {
        assert!(escapes_non_ascii(br#"{"name":"\u83dc\u5355"}"#));
        assert!(!escapes_non_ascii("{\"name\":\"菜单\"}".as_bytes()));
        assert!(!escapes_non_ascii(br#"{"a":"\u0041"}"#));
        assert!(!escapes_non_ascii(br#"{"a":"\\u83dc"}"#));
    }
}
