
use builtin;
use str;

set edit:completion:arg-completer[wxtoken] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'wxtoken'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'wxtoken'= {
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand --json 'json'
            cand -v 'v'
            cand --verbose 'verbose'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand fetch 'Fetch an access_token and print it (or one JSON document with --json)'
            cand exec 'Run a command with a token in its environment: WXTOKEN_ACCESS_TOKEN, and WXTOKEN_EXPIRES_AT (unix seconds)'
            cand api 'Call any WeChat API with the token managed, and explain its errcode'
            cand profiles 'List the profiles of the config file (never a secret)'
            cand explain 'Explain errcodes or a pasted WeChat response, offline'
            cand check 'Check whether WeChat accepts an access_token, without fetching a new one'
            cand doctor 'Diagnose a setup step by step: credentials, proxy, DNS, TCP and TLS, clock, whitelist'
            cand cache 'List or remove cached tokens (never shows a token)'
            cand quota 'Show or reset the daily API call quotas (Official Accounts, Mini Programs)'
            cand rid 'Look up a request id (rid): when, from which IP, what was sent and answered'
            cand completions 'Print a shell completion script'
            cand man 'Show a manual page: wxtoken''s, or a command''s (every option, variable and exit code)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxtoken;fetch'= {
            cand --platform 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]'
            cand --appid 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]'
            cand --corpid 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]'
            cand --corpsecret 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]'
            cand --agentid 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]'
            cand --secret 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]'
            cand --secret-file 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed'
            cand --api-base 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]'
            cand --timeout 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)'
            cand --retries 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms'
            cand --proxy 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected'
            cand --ca-cert 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)'
            cand --min-ttl 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]'
            cand --cache-dir 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]'
            cand --store-layout 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]'
            cand --store-prefix 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]'
            cand --store-client-cert 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key'
            cand --store-client-key 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)'
            cand --rejected 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin'
            cand --cache-owner 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher''s), besides its own user and root [default: none; a setgid directory of one of this user''s groups is trusted too]'
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --store 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]'
            cand --format 'What to print: token (the token alone), json (as --json), env (export lines for `eval "$(wxtoken fetch --format env)"`; on failure `false`, so that eval fails too) or query (access_token=..., URL-encoded) [default: token]'
            cand --output 'Write the result to FILE instead of stdout: atomically (a reader sees the old content or the new, never part), mode 0600 for a new file; an unchanged result is not rewritten'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --stable 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)'
            cand --force-refresh 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder''s stable token stops working'
            cand --cache 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
            cand --no-fetch 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand -v 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --verbose 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;exec'= {
            cand --platform 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]'
            cand --appid 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]'
            cand --corpid 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]'
            cand --corpsecret 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]'
            cand --agentid 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]'
            cand --secret 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]'
            cand --secret-file 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed'
            cand --api-base 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]'
            cand --timeout 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)'
            cand --retries 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms'
            cand --proxy 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected'
            cand --ca-cert 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)'
            cand --min-ttl 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]'
            cand --cache-dir 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]'
            cand --store-layout 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]'
            cand --store-prefix 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]'
            cand --store-client-cert 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key'
            cand --store-client-key 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)'
            cand --rejected 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin'
            cand --cache-owner 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher''s), besides its own user and root [default: none; a setgid directory of one of this user''s groups is trusted too]'
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --store 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --stable 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)'
            cand --force-refresh 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder''s stable token stops working'
            cand --cache 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
            cand --no-fetch 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand -v 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --verbose 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;api'= {
            cand -X 'The HTTP method [default: GET; POST once a field, --input or --form is given]'
            cand --method 'The HTTP method [default: GET; POST once a field, --input or --form is given]'
            cand -f 'A string field: key=value; key[sub]=value builds an object, key[]=value an array. In the JSON body (POST), or the query string (GET, or with --input)'
            cand --raw-field 'A string field: key=value; key[sub]=value builds an object, key[]=value an array. In the JSON body (POST), or the query string (GET, or with --input)'
            cand -F 'A typed field: true, false, null and integers become JSON; @FILE reads a file''s text, @- stdin''s; anything else is a string'
            cand --field 'A typed field: true, false, null and integers become JSON; @FILE reads a file''s text, @- stdin''s; anything else is a string'
            cand --input 'Send this file ("-" for stdin) as the body, as it is (fields then go to the query string)'
            cand --form 'A multipart/form-data part: name=@FILE (a file, as media uploads take it) or name=value'
            cand -H 'An extra request header: ''Name: value'''
            cand --header 'An extra request header: ''Name: value'''
            cand --format 'How failures are told on stderr: text, or json (as --json: one JSON document)'
            cand --output 'Write the body to FILE (atomically; for a QR code or a media file) instead of stdout'
            cand --max-pages 'With --paginate: at most this many pages (each spends the API''s daily quota); reaching it before the last page exits 15'
            cand --paginate-style 'With --paginate, for an API wxtoken does not know: openid (next_openid), offset (offset/count against total_count) or cursor (cursor/next_cursor), optionally with the request''s and the answer''s field names: cursor:cursor,next_cursor'
            cand --platform 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]'
            cand --appid 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]'
            cand --corpid 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]'
            cand --corpsecret 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]'
            cand --agentid 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]'
            cand --secret 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]'
            cand --secret-file 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed'
            cand --api-base 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]'
            cand --timeout 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)'
            cand --retries 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms'
            cand --proxy 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected'
            cand --ca-cert 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)'
            cand --min-ttl 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]'
            cand --cache-dir 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]'
            cand --store-layout 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]'
            cand --store-prefix 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]'
            cand --store-client-cert 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key'
            cand --store-client-key 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)'
            cand --rejected 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin'
            cand --cache-owner 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher''s), besides its own user and root [default: none; a setgid directory of one of this user''s groups is trusted too]'
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --store 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --dry-run 'Print the request that would be sent (the token masked) and send nothing'
            cand --token-stdin 'Read the access_token from stdin instead of obtaining one (WXTOKEN_ACCESS_TOKEN, which `wxtoken exec` sets, is used the same way when set)'
            cand -i 'Print the HTTP status line and the answer''s headers before its body'
            cand --include 'Print the HTTP status line and the answer''s headers before its body'
            cand --silent 'Print no body (the exit code and errors still tell how the call went)'
            cand --paginate 'Fetch every page (next_openid, offset/count, or WeChat Work''s cursor), each printed as one JSON document on its own line'
            cand --slurp 'With --paginate: print the pages as one JSON array'
            cand --stable 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)'
            cand --force-refresh 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder''s stable token stops working'
            cand --cache 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
            cand --no-fetch 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand -v 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --verbose 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;profiles'= {
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --names 'Print only the names, one per line (for completion scripts)'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a profile to the config file (created at mode 0600 where it belongs)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxtoken;profiles;add'= {
            cand --platform 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]'
            cand --appid 'The AppID (mp) or, with --platform wecom, the CorpID'
            cand --corpid 'The AppID (mp) or, with --platform wecom, the CorpID'
            cand --agentid 'With --platform wecom: the app''s AgentId'
            cand --secret-file 'The secret''s file (an absolute path is written; ~/ stays as it is)'
            cand --secret-env 'The variable that holds the secret when the profile is used (not from cron)'
            cand --secret-command 'The command that prints the secret, as words (run without a shell), e.g. ''pass show wx'''
            cand --store 'Keep the token in this Redis store'
            cand --api-base 'The API base (a gateway)'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --inline-secret 'Write the secret itself into the file (read from stdin, or asked for at a terminal)'
            cand --stable 'Fetch stable tokens (recommended for Official Accounts and Mini Programs)'
            cand --cache 'Keep the token in the local cache'
            cand --default 'Make it the default profile (when the file names none yet)'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;profiles;help'= {
            cand add 'Add a profile to the config file (created at mode 0600 where it belongs)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxtoken;profiles;help;add'= {
        }
        &'wxtoken;profiles;help;help'= {
        }
        &'wxtoken;explain'= {
            cand --platform 'The platform whose catalogue explains the codes [default: mp, or wecom for an answer that looks like WeChat Work''s (its devtool link, `from ip:`)]'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --all 'Print the whole catalogue'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;check'= {
            cand --token 'The token to check; else WXTOKEN_ACCESS_TOKEN, else stdin'
            cand --platform 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]'
            cand --api-base 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]'
            cand --timeout 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)'
            cand --retries 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms'
            cand --proxy 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected'
            cand --ca-cert 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)'
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand -v 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --verbose 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;doctor'= {
            cand --platform 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]'
            cand --appid 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]'
            cand --corpid 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]'
            cand --corpsecret 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]'
            cand --agentid 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]'
            cand --secret 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]'
            cand --secret-file 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed'
            cand --api-base 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]'
            cand --timeout 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)'
            cand --retries 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms'
            cand --proxy 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected'
            cand --ca-cert 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)'
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand -v 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --verbose 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;cache'= {
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Show appid, endpoint, expiry and remaining lifetime of each cached token'
            cand clear 'Remove cached tokens (all, or those of one appid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxtoken;cache;list'= {
            cand --cache-dir 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]'
            cand --store 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]'
            cand --store-layout 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]'
            cand --store-prefix 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]'
            cand --store-client-cert 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key'
            cand --store-client-key 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)'
            cand --timeout 'With --store: seconds each Redis command may take (decimals allowed); listing the keys takes at most three times this as a whole'
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --platform 'The platform whose default prefix applies: mp or wecom [default: mp]'
            cand --ca-cert 'For rediss://: PEM file of the CA that signed the Redis server''s certificate, or "system"'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;cache;clear'= {
            cand --appid 'Only the entries of this AppID'
            cand --cache-dir 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]'
            cand --store 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]'
            cand --store-layout 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]'
            cand --store-prefix 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]'
            cand --store-client-cert 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key'
            cand --store-client-key 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)'
            cand --timeout 'With --store: seconds each Redis command may take (decimals allowed); listing the keys takes at most three times this as a whole'
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --platform 'The platform whose default prefix applies: mp or wecom [default: mp]'
            cand --ca-cert 'For rediss://: PEM file of the CA that signed the Redis server''s certificate, or "system"'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;cache;help'= {
            cand list 'Show appid, endpoint, expiry and remaining lifetime of each cached token'
            cand clear 'Remove cached tokens (all, or those of one appid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxtoken;cache;help;list'= {
        }
        &'wxtoken;cache;help;clear'= {
        }
        &'wxtoken;cache;help;help'= {
        }
        &'wxtoken;quota'= {
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand get 'Show each API''s daily limit, calls used and left, and rate limit'
            cand clear 'Reset the daily quotas of every API (10 resets a month), or of one API with --api'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxtoken;quota;get'= {
            cand --platform 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]'
            cand --token 'The access_token to use; else WXTOKEN_ACCESS_TOKEN, else stdin (unless it is a terminal), else one is fetched with the credentials: a normal-mode stable token, which invalidates nobody''s token'
            cand --appid 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]'
            cand --corpid 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]'
            cand --corpsecret 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]'
            cand --agentid 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]'
            cand --secret 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]'
            cand --secret-file 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed'
            cand --min-ttl 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]'
            cand --cache-dir 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]'
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --api-base 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]'
            cand --timeout 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)'
            cand --retries 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms'
            cand --proxy 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected'
            cand --ca-cert 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --classic 'Fetch the token from the classic endpoint (/cgi-bin/token) instead. Every classic fetch invalidates the token other processes hold (after about 5 minutes)'
            cand --cache 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand -v 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --verbose 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;quota;clear'= {
            cand --api 'Reset only this API''s daily quota (one of 50 resets a month; needs a token)'
            cand --platform 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]'
            cand --token 'The access_token to use; else WXTOKEN_ACCESS_TOKEN, else stdin (unless it is a terminal), else one is fetched with the credentials: a normal-mode stable token, which invalidates nobody''s token'
            cand --appid 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]'
            cand --corpid 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]'
            cand --corpsecret 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]'
            cand --agentid 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]'
            cand --secret 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]'
            cand --secret-file 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed'
            cand --min-ttl 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]'
            cand --cache-dir 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]'
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --api-base 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]'
            cand --timeout 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)'
            cand --retries 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms'
            cand --proxy 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected'
            cand --ca-cert 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand -y 'Reset without asking (required when stdin is not a terminal)'
            cand --yes 'Reset without asking (required when stdin is not a terminal)'
            cand --classic 'Fetch the token from the classic endpoint (/cgi-bin/token) instead. Every classic fetch invalidates the token other processes hold (after about 5 minutes)'
            cand --cache 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand -v 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --verbose 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;quota;help'= {
            cand get 'Show each API''s daily limit, calls used and left, and rate limit'
            cand clear 'Reset the daily quotas of every API (10 resets a month), or of one API with --api'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxtoken;quota;help;get'= {
        }
        &'wxtoken;quota;help;clear'= {
        }
        &'wxtoken;quota;help;help'= {
        }
        &'wxtoken;rid'= {
            cand --platform 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]'
            cand --token 'The access_token to use; else WXTOKEN_ACCESS_TOKEN, else stdin (unless it is a terminal), else one is fetched with the credentials: a normal-mode stable token, which invalidates nobody''s token'
            cand --appid 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]'
            cand --corpid 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]'
            cand --corpsecret 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]'
            cand --agentid 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]'
            cand --secret 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]'
            cand --secret-file 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed'
            cand --min-ttl 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]'
            cand --cache-dir 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]'
            cand --profile 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]'
            cand --config 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]'
            cand --api-base 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]'
            cand --timeout 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)'
            cand --retries 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms'
            cand --proxy 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected'
            cand --ca-cert 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)'
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --classic 'Fetch the token from the classic endpoint (/cgi-bin/token) instead. Every classic fetch invalidates the token other processes hold (after about 5 minutes)'
            cand --cache 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
            cand --no-profile 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile'
            cand --json 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
            cand -v 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand --verbose 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;completions'= {
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;man'= {
            cand --color 'When to colour messages on stderr'
            cand --lang 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)'
            cand --list 'List the pages, one name a line'
            cand -q 'No hints or warnings; the one-line error stays'
            cand --quiet 'No hints or warnings; the one-line error stays'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxtoken;help'= {
            cand fetch 'Fetch an access_token and print it (or one JSON document with --json)'
            cand exec 'Run a command with a token in its environment: WXTOKEN_ACCESS_TOKEN, and WXTOKEN_EXPIRES_AT (unix seconds)'
            cand api 'Call any WeChat API with the token managed, and explain its errcode'
            cand profiles 'List the profiles of the config file (never a secret)'
            cand explain 'Explain errcodes or a pasted WeChat response, offline'
            cand check 'Check whether WeChat accepts an access_token, without fetching a new one'
            cand doctor 'Diagnose a setup step by step: credentials, proxy, DNS, TCP and TLS, clock, whitelist'
            cand cache 'List or remove cached tokens (never shows a token)'
            cand quota 'Show or reset the daily API call quotas (Official Accounts, Mini Programs)'
            cand rid 'Look up a request id (rid): when, from which IP, what was sent and answered'
            cand completions 'Print a shell completion script'
            cand man 'Show a manual page: wxtoken''s, or a command''s (every option, variable and exit code)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxtoken;help;fetch'= {
        }
        &'wxtoken;help;exec'= {
        }
        &'wxtoken;help;api'= {
        }
        &'wxtoken;help;profiles'= {
            cand add 'Add a profile to the config file (created at mode 0600 where it belongs)'
        }
        &'wxtoken;help;profiles;add'= {
        }
        &'wxtoken;help;explain'= {
        }
        &'wxtoken;help;check'= {
        }
        &'wxtoken;help;doctor'= {
        }
        &'wxtoken;help;cache'= {
            cand list 'Show appid, endpoint, expiry and remaining lifetime of each cached token'
            cand clear 'Remove cached tokens (all, or those of one appid)'
        }
        &'wxtoken;help;cache;list'= {
        }
        &'wxtoken;help;cache;clear'= {
        }
        &'wxtoken;help;quota'= {
            cand get 'Show each API''s daily limit, calls used and left, and rate limit'
            cand clear 'Reset the daily quotas of every API (10 resets a month), or of one API with --api'
        }
        &'wxtoken;help;quota;get'= {
        }
        &'wxtoken;help;quota;clear'= {
        }
        &'wxtoken;help;rid'= {
        }
        &'wxtoken;help;completions'= {
        }
        &'wxtoken;help;man'= {
        }
        &'wxtoken;help;help'= {
        }
    ]
    $completions[$command]
}
