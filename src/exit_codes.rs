//! The exit codes: what each means (in both languages), and the table `--help`, README and
//! `explain --all` show, whose errcodes are read from the catalogue.

use crate::error::code;
use crate::platform::Platform;
use crate::wechat::catalog;

/// The documented exit codes and what they mean. The errcodes of each row are not written here:
/// [`exit_table`] reads them from the catalogue, so `--help`, README and `explain --all` cannot
/// drift from what the code does.
pub const EXIT_CODES: &[(u8, &str)] = &[
    (
        code::OK,
        "success: token printed (check: token accepted; quota, rid: answer printed)",
    ),
    (
        code::INTERNAL,
        "unexpected internal error, or the result could not be written (stdout, --output FILE)",
    ),
    (code::USAGE, "usage: bad or missing arguments or input"),
    (
        code::NETWORK,
        "network: DNS, connect, TLS, proxy, timeout (after retries)",
    ),
    (
        code::RESPONSE,
        "bad response: not a usable WeChat answer (HTML, not JSON, empty, oversized, bad token)",
    ),
    (code::BUSY, "WeChat busy (after retries)"),
    (
        code::CREDENTIALS,
        "credentials rejected (check, api: the token rejected)",
    ),
    (code::IP, "calling IP not allowed"),
    (code::QUOTA, "rate or quota limit"),
    (
        code::ACCOUNT,
        "account or AppSecret frozen, barred, or the wrong kind of account",
    ),
    (
        code::OTHER,
        "any other WeChat errcode, and codes not in the catalogue",
    ),
    (
        code::STORE,
        "cache or store unusable (unsafe, unreachable, lock held too long) or empty; nothing fetched",
    ),
    (
        code::DECLINED,
        "not confirmed: the answer at a prompt (quota clear) was not yes; nothing was done",
    ),
    (
        code::REQUEST,
        "api: the request is wrong for the API: its method or its body (empty, not JSON, escaped non-ASCII)",
    ),
    (
        code::UNAUTHORIZED,
        "api: the account or app has no permission for the API",
    ),
    (
        code::PAGES,
        "api --paginate: --max-pages reached before the last page (the pages so far were printed)",
    ),
    (
        code::MISMATCH,
        "sign --check: the page's signature is not what its inputs sign to (what makes the difference is said)",
    ),
    (
        code::NOT_RUNNABLE,
        "exec: CMD was found but could not be run (not executable, permission denied)",
    ),
    (
        code::NOT_FOUND,
        "exec: CMD was not found (otherwise exec exits with CMD's own status)",
    ),
];

/// The meanings of [`EXIT_CODES`] in Chinese, in the same order.
const EXIT_CODES_ZH: &[&str] = &[
    "成功：已输出 token（check：token 被接受；quota、rid：已输出结果）",
    "意外的内部错误，或结果无法写出（标准输出、--output FILE）",
    "用法错误：参数或输入有误或缺失",
    "网络错误：DNS、连接、TLS、代理、超时（重试之后）",
    "应答不可用：不是可用的微信应答（HTML、非 JSON、为空、过大、token 无效）",
    "微信系统繁忙（重试之后）",
    "凭证被拒绝（check、api：token 被拒绝）",
    "调用方 IP 不被允许",
    "频率或额度限制",
    "账号或 AppSecret 被冻结、封禁，或账号类型不对",
    "其他微信错误码，以及不在错误码表中的错误码",
    "缓存或存储不可用（不安全、连不上、锁被占用过久）或其中没有 token；没有获取 token",
    "未确认：提示处的回答不是 yes（quota clear）；什么也没做",
    "api：请求不符合接口要求：请求方法或请求体（为空、不是 JSON、非 ASCII 字符被转义）",
    "api：账号或应用没有调用该接口的权限",
    "api --paginate：在最后一页之前达到了 --max-pages（已输出之前的各页）",
    "sign --check：页面的签名与其输入算出的不符（会说明是哪个输入造成的）",
    "exec：找到了 CMD 但无法运行（不可执行、权限不足）",
    "exec：找不到 CMD（否则 exec 以 CMD 自己的退出状态退出）",
];

/// What exit `code` means, in `lang`.
pub fn exit_meaning(code: u8, lang: crate::lang::Lang) -> &'static str {
    EXIT_CODES
        .iter()
        .position(|(c, _)| *c == code)
        .map(|i| lang.pick(EXIT_CODES[i].1, EXIT_CODES_ZH[i]))
        .unwrap_or("")
}

/// One row of the exit-code table: the code, its meaning, and the catalogued errcodes that end
/// in it when fetching, for Official Accounts and Mini Programs and for WeChat Work
/// (comma-separated, empty for none).
pub fn exit_table() -> Vec<(u8, &'static str, String, String)> {
    let codes = |platform: Platform, code: u8| -> String {
        let codes: Vec<String> = catalog::rows(platform)
            .iter()
            .filter(|e| e.exit_code() == code)
            .map(|e| e.code.to_string())
            .collect();
        codes.join(", ")
    };
    EXIT_CODES
        .iter()
        .map(|&(code, meaning)| {
            (
                code,
                meaning,
                codes(Platform::Mp, code),
                codes(Platform::Wecom, code),
            )
        })
        .collect()
}

/// The exit-code table as plain text, for `--help` and `explain --all`: the errcodes on lines
/// of their own, so that nothing wraps under the code column.
pub fn exit_code_help(lang: crate::lang::Lang) -> String {
    let mut out = format!("{}\n", lang.pick("Exit codes:", "退出码："));
    // 80 columns: every line wraps under its own column (the codes' column stays clear).
    use crate::columns::{width, wrap};
    const COLUMNS: usize = 80;
    for (code, _, errcodes, wecom) in exit_table() {
        let meaning = exit_meaning(code, lang);
        out.push_str(&wrap(
            meaning,
            &format!("  {code:>3}  "),
            "       ",
            COLUMNS,
        ));
        out.push('\n');
        let label = lang.pick("WeChat Work errcode", "企业微信 errcode");
        for (label, codes) in [("errcode", errcodes), (label, wecom)] {
            if !codes.is_empty() {
                let first = format!("       {label} ");
                let rest = " ".repeat(width(&first));
                out.push_str(&wrap(&codes, &first, &rest, COLUMNS));
                out.push('\n');
            }
        }
    }
    out.push_str(lang.pick(
        "\nSee 'wxtoken explain --all' for every errcode.",
        "\n每个错误码见 'wxtoken explain --all'。",
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn the_exit_table_lists_every_catalogued_code_in_its_row() {
        let table = exit_table();
        for platform in [Platform::Mp, Platform::Wecom] {
            for entry in catalog::rows(platform) {
                let rows: Vec<u8> = table
                    .iter()
                    .filter(|(_, _, mp, wecom)| {
                        let codes = if platform == Platform::Mp { mp } else { wecom };
                        codes.split(", ").any(|c| c == entry.code.to_string())
                    })
                    .map(|(code, _, _, _)| *code)
                    .collect();
                assert_eq!(
                    rows,
                    [entry.exit_code()],
                    "{platform:?} errcode {}",
                    entry.code
                );
            }
        }
        let row7 = &table.iter().find(|(c, _, _, _)| *c == 7).unwrap().3;
        assert!(row7.contains("60020"), "60020 in row 7: {row7}");
        let row10 = &table.iter().find(|(c, _, _, _)| *c == 10).unwrap().2;
        for code in ["40014", "41001", "42001"] {
            assert!(row10.contains(code), "{code} in row 10: {row10}");
        }
        let row14 = &table.iter().find(|(c, _, _, _)| *c == 14).unwrap().2;
        assert!(row14.contains("48001"), "48001 in row 14: {row14}");
    }

    #[test]
    fn every_exit_code_has_both_languages() {
        assert_eq!(EXIT_CODES.len(), EXIT_CODES_ZH.len());
        for (code, en) in EXIT_CODES {
            assert_eq!(exit_meaning(*code, Lang::En), *en);
            assert!(!exit_meaning(*code, Lang::Zh).is_empty());
            assert_ne!(exit_meaning(*code, Lang::Zh), *en);
        }
    }
}
