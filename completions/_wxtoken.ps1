
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'wxtoken' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'wxtoken'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'wxtoken' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'json')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'v')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'verbose')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Fetch an access_token and print it (or one JSON document with --json)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with a token in its environment: WXTOKEN_ACCESS_TOKEN, and WXTOKEN_EXPIRES_AT (unix seconds)')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call any WeChat API with the token managed, and explain its errcode')
            [CompletionResult]::new('ticket', 'ticket', [CompletionResultType]::ParameterValue, 'Print a JS-SDK ticket (jsapi, wx_card, agent_config), kept and shared like a token')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a page for wx.config (or wx.agentConfig, or a card), or find what breaks a signature')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles of the config file (never a secret)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain errcodes or a pasted WeChat response, offline')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check whether WeChat accepts an access_token, without fetching a new one')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Diagnose a setup step by step: credentials, proxy, DNS, TCP and TLS, clock, whitelist')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'List or remove cached tokens (never shows a token)')
            [CompletionResult]::new('quota', 'quota', [CompletionResultType]::ParameterValue, 'Show or reset the daily API call quotas (Official Accounts, Mini Programs)')
            [CompletionResult]::new('rid', 'rid', [CompletionResultType]::ParameterValue, 'Look up a request id (rid): when, from which IP, what was sent and answered')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Show a manual page: wxtoken''s, or a command''s (every option, variable and exit code)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxtoken;fetch' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]')
            [CompletionResult]::new('--corpid', '--corpid', [CompletionResultType]::ParameterName, 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]')
            [CompletionResult]::new('--corpsecret', '--corpsecret', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]')
            [CompletionResult]::new('--agentid', '--agentid', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]')
            [CompletionResult]::new('--store-layout', '--store-layout', [CompletionResultType]::ParameterName, 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]')
            [CompletionResult]::new('--store-prefix', '--store-prefix', [CompletionResultType]::ParameterName, 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]')
            [CompletionResult]::new('--store-client-cert', '--store-client-cert', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key')
            [CompletionResult]::new('--store-client-key', '--store-client-key', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)')
            [CompletionResult]::new('--rejected', '--rejected', [CompletionResultType]::ParameterName, 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin')
            [CompletionResult]::new('--cache-owner', '--cache-owner', [CompletionResultType]::ParameterName, 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher''s), besides its own user and root [default: none; a setgid directory of one of this user''s groups is trusted too]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'What to print: token (the token alone), json (as --json), env (export lines for `eval "$(wxtoken fetch --format env)"`; on failure `false`, so that eval fails too) or query (access_token=..., URL-encoded) [default: token]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the result to FILE instead of stdout: atomically (a reader sees the old content or the new, never part), mode 0600 for a new file; an unchanged result is not rewritten')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)')
            [CompletionResult]::new('--force-refresh', '--force-refresh', [CompletionResultType]::ParameterName, 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder''s stable token stops working')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;exec' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]')
            [CompletionResult]::new('--corpid', '--corpid', [CompletionResultType]::ParameterName, 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]')
            [CompletionResult]::new('--corpsecret', '--corpsecret', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]')
            [CompletionResult]::new('--agentid', '--agentid', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]')
            [CompletionResult]::new('--store-layout', '--store-layout', [CompletionResultType]::ParameterName, 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]')
            [CompletionResult]::new('--store-prefix', '--store-prefix', [CompletionResultType]::ParameterName, 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]')
            [CompletionResult]::new('--store-client-cert', '--store-client-cert', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key')
            [CompletionResult]::new('--store-client-key', '--store-client-key', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)')
            [CompletionResult]::new('--rejected', '--rejected', [CompletionResultType]::ParameterName, 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin')
            [CompletionResult]::new('--cache-owner', '--cache-owner', [CompletionResultType]::ParameterName, 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher''s), besides its own user and root [default: none; a setgid directory of one of this user''s groups is trusted too]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)')
            [CompletionResult]::new('--force-refresh', '--force-refresh', [CompletionResultType]::ParameterName, 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder''s stable token stops working')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;api' {
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'The HTTP method [default: GET; POST once a field, --input or --form is given]')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The HTTP method [default: GET; POST once a field, --input or --form is given]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A string field: key=value; key[sub]=value builds an object, key[]=value an array. In the JSON body (POST), or the query string (GET, or with --input)')
            [CompletionResult]::new('--raw-field', '--raw-field', [CompletionResultType]::ParameterName, 'A string field: key=value; key[sub]=value builds an object, key[]=value an array. In the JSON body (POST), or the query string (GET, or with --input)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A typed field: true, false, null and integers become JSON; @FILE reads a file''s text, @- stdin''s; anything else is a string')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A typed field: true, false, null and integers become JSON; @FILE reads a file''s text, @- stdin''s; anything else is a string')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Send this file ("-" for stdin) as the body, as it is (fields then go to the query string)')
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'A multipart/form-data part: name=@FILE (a file, as media uploads take it) or name=value')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'An extra request header: ''Name: value''')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'An extra request header: ''Name: value''')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How failures are told on stderr: text, or json (as --json: one JSON document)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the body to FILE (atomically; for a QR code or a media file) instead of stdout')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'With --paginate: at most this many pages (each spends the API''s daily quota); reaching it before the last page exits 15')
            [CompletionResult]::new('--paginate-style', '--paginate-style', [CompletionResultType]::ParameterName, 'With --paginate, for an API wxtoken does not know: openid (next_openid), offset (offset/count against total_count) or cursor (cursor/next_cursor), optionally with the request''s and the answer''s field names: cursor:cursor,next_cursor')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]')
            [CompletionResult]::new('--corpid', '--corpid', [CompletionResultType]::ParameterName, 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]')
            [CompletionResult]::new('--corpsecret', '--corpsecret', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]')
            [CompletionResult]::new('--agentid', '--agentid', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]')
            [CompletionResult]::new('--store-layout', '--store-layout', [CompletionResultType]::ParameterName, 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]')
            [CompletionResult]::new('--store-prefix', '--store-prefix', [CompletionResultType]::ParameterName, 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]')
            [CompletionResult]::new('--store-client-cert', '--store-client-cert', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key')
            [CompletionResult]::new('--store-client-key', '--store-client-key', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)')
            [CompletionResult]::new('--rejected', '--rejected', [CompletionResultType]::ParameterName, 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin')
            [CompletionResult]::new('--cache-owner', '--cache-owner', [CompletionResultType]::ParameterName, 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher''s), besides its own user and root [default: none; a setgid directory of one of this user''s groups is trusted too]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (the token masked) and send nothing')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the access_token from stdin instead of obtaining one (WXTOKEN_ACCESS_TOKEN, which `wxtoken exec` sets, is used the same way): used as it is, never kept or replaced, and nothing obtained with it is kept')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Print the HTTP status line and the answer''s headers before its body')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Print the HTTP status line and the answer''s headers before its body')
            [CompletionResult]::new('--silent', '--silent', [CompletionResultType]::ParameterName, 'Print no body (the exit code and errors still tell how the call went)')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Fetch every page (next_openid, offset/count, or WeChat Work''s cursor), each printed as one JSON document on its own line')
            [CompletionResult]::new('--slurp', '--slurp', [CompletionResultType]::ParameterName, 'With --paginate: print the pages as one JSON array')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)')
            [CompletionResult]::new('--force-refresh', '--force-refresh', [CompletionResultType]::ParameterName, 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder''s stable token stops working')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;ticket' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'What to print: ticket (the ticket alone) or json (as --json) [default: ticket]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the result to FILE instead of stdout: atomically (a reader sees the old content or the new, never part), mode 0600 for a new file; an unchanged result is not rewritten')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]')
            [CompletionResult]::new('--corpid', '--corpid', [CompletionResultType]::ParameterName, 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]')
            [CompletionResult]::new('--corpsecret', '--corpsecret', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]')
            [CompletionResult]::new('--agentid', '--agentid', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]')
            [CompletionResult]::new('--store-layout', '--store-layout', [CompletionResultType]::ParameterName, 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]')
            [CompletionResult]::new('--store-prefix', '--store-prefix', [CompletionResultType]::ParameterName, 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]')
            [CompletionResult]::new('--store-client-cert', '--store-client-cert', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key')
            [CompletionResult]::new('--store-client-key', '--store-client-key', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)')
            [CompletionResult]::new('--rejected', '--rejected', [CompletionResultType]::ParameterName, 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin')
            [CompletionResult]::new('--cache-owner', '--cache-owner', [CompletionResultType]::ParameterName, 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher''s), besides its own user and root [default: none; a setgid directory of one of this user''s groups is trusted too]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the access_token from stdin instead of obtaining one (WXTOKEN_ACCESS_TOKEN, which `wxtoken exec` sets, is used the same way): used as it is, never kept or replaced, and nothing obtained with it is kept')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)')
            [CompletionResult]::new('--force-refresh', '--force-refresh', [CompletionResultType]::ParameterName, 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder''s stable token stops working')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;sign' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The page''s URL, as location.href has it: its #fragment is removed, nothing else changed')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'The nonceStr [default: 16 random letters and digits]')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The timestamp, in seconds [default: now]')
            [CompletionResult]::new('--card', '--card', [CompletionResultType]::ParameterName, 'The card signature (cardExt) of this card_id, with the wx_card ticket, instead of wx.config''s')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'With --card: the card''s code')
            [CompletionResult]::new('--openid', '--openid', [CompletionResultType]::ParameterName, 'With --card: the openid the card is for')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Sign with this ticket instead of obtaining one ("-" reads it from stdin); with --check, the ticket the page used, compared with the one kept (--cache, --store: only read)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, '"invalid signature": the signature the page used (with its --url, --nonce and --timestamp); says which input makes the difference. Exit 0 when it is right, 16 when it is not')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]')
            [CompletionResult]::new('--corpid', '--corpid', [CompletionResultType]::ParameterName, 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]')
            [CompletionResult]::new('--corpsecret', '--corpsecret', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]')
            [CompletionResult]::new('--agentid', '--agentid', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]')
            [CompletionResult]::new('--store-layout', '--store-layout', [CompletionResultType]::ParameterName, 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]')
            [CompletionResult]::new('--store-prefix', '--store-prefix', [CompletionResultType]::ParameterName, 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]')
            [CompletionResult]::new('--store-client-cert', '--store-client-cert', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key')
            [CompletionResult]::new('--store-client-key', '--store-client-key', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)')
            [CompletionResult]::new('--rejected', '--rejected', [CompletionResultType]::ParameterName, 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin')
            [CompletionResult]::new('--cache-owner', '--cache-owner', [CompletionResultType]::ParameterName, 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher''s), besides its own user and root [default: none; a setgid directory of one of this user''s groups is trusted too]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--agent-config', '--agent-config', [CompletionResultType]::ParameterName, 'WeChat Work: sign for wx.agentConfig (the app''s agent_config ticket; corpid and agentid in the output) instead of wx.config')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the access_token from stdin instead of obtaining one (WXTOKEN_ACCESS_TOKEN, which `wxtoken exec` sets, is used the same way): used as it is, never kept or replaced, and nothing obtained with it is kept')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)')
            [CompletionResult]::new('--force-refresh', '--force-refresh', [CompletionResultType]::ParameterName, 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder''s stable token stops working')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;profiles' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Print only the names, one per line (for completion scripts)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a profile to the config file (created at mode 0600 where it belongs)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxtoken;profiles;add' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The AppID (mp) or, with --platform wecom, the CorpID')
            [CompletionResult]::new('--corpid', '--corpid', [CompletionResultType]::ParameterName, 'The AppID (mp) or, with --platform wecom, the CorpID')
            [CompletionResult]::new('--agentid', '--agentid', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s AgentId')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'The secret''s file (an absolute path is written; ~/ stays as it is)')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'The variable that holds the secret when the profile is used (not from cron)')
            [CompletionResult]::new('--secret-command', '--secret-command', [CompletionResultType]::ParameterName, 'The command that prints the secret, as words (run without a shell), e.g. ''pass show wx''')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Keep the token in this Redis store')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'The API base (a gateway)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--inline-secret', '--inline-secret', [CompletionResultType]::ParameterName, 'Write the secret itself into the file (read from stdin, or asked for at a terminal)')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Fetch stable tokens (recommended for Official Accounts and Mini Programs)')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep the token in the local cache')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make it the default profile (when the file names none yet)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;profiles;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a profile to the config file (created at mode 0600 where it belongs)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxtoken;profiles;help;add' {
            break
        }
        'wxtoken;profiles;help;help' {
            break
        }
        'wxtoken;explain' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform whose catalogue explains the codes [default: mp, or wecom for an answer that looks like WeChat Work''s (its devtool link, `from ip:`)]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Print the whole catalogue')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;check' {
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The token to check; else WXTOKEN_ACCESS_TOKEN, else stdin')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;doctor' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]')
            [CompletionResult]::new('--corpid', '--corpid', [CompletionResultType]::ParameterName, 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]')
            [CompletionResult]::new('--corpsecret', '--corpsecret', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]')
            [CompletionResult]::new('--agentid', '--agentid', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;cache' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show appid, endpoint, expiry and remaining lifetime of each cached token')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove cached tokens (all, or those of one appid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxtoken;cache;list' {
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]')
            [CompletionResult]::new('--store-layout', '--store-layout', [CompletionResultType]::ParameterName, 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]')
            [CompletionResult]::new('--store-prefix', '--store-prefix', [CompletionResultType]::ParameterName, 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]')
            [CompletionResult]::new('--store-client-cert', '--store-client-cert', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key')
            [CompletionResult]::new('--store-client-key', '--store-client-key', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --store: seconds each Redis command may take (decimals allowed); listing the keys takes at most three times this as a whole')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform whose default prefix applies: mp or wecom [default: mp]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'For rediss://: PEM file of the CA that signed the Redis server''s certificate, or "system"')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;cache;clear' {
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'Only the entries of this AppID')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]')
            [CompletionResult]::new('--store-layout', '--store-layout', [CompletionResultType]::ParameterName, 'The keys and values of the store: wxtoken''s own, or those of the SDK whose apps read the token [default: wxtoken]')
            [CompletionResult]::new('--store-prefix', '--store-prefix', [CompletionResultType]::ParameterName, 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]')
            [CompletionResult]::new('--store-client-cert', '--store-client-cert', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis''s default, tls-auth-clients yes); with --store-client-key')
            [CompletionResult]::new('--store-client-key', '--store-client-key', [CompletionResultType]::ParameterName, 'For rediss://: the client certificate''s private key (PEM), in a file only its owner may read (never shown)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --store: seconds each Redis command may take (decimals allowed); listing the keys takes at most three times this as a whole')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform whose default prefix applies: mp or wecom [default: mp]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'For rediss://: PEM file of the CA that signed the Redis server''s certificate, or "system"')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;cache;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show appid, endpoint, expiry and remaining lifetime of each cached token')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove cached tokens (all, or those of one appid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxtoken;cache;help;list' {
            break
        }
        'wxtoken;cache;help;clear' {
            break
        }
        'wxtoken;cache;help;help' {
            break
        }
        'wxtoken;quota' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show each API''s daily limit, calls used and left, and rate limit')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Reset the daily quotas of every API (10 resets a month), or of one API with --api')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxtoken;quota;get' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The access_token to use; else WXTOKEN_ACCESS_TOKEN, else stdin (unless it is a terminal), else one is fetched with the credentials: a normal-mode stable token, which invalidates nobody''s token')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]')
            [CompletionResult]::new('--corpid', '--corpid', [CompletionResultType]::ParameterName, 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]')
            [CompletionResult]::new('--corpsecret', '--corpsecret', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]')
            [CompletionResult]::new('--agentid', '--agentid', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--classic', '--classic', [CompletionResultType]::ParameterName, 'Fetch the token from the classic endpoint (/cgi-bin/token) instead. Every classic fetch invalidates the token other processes hold (after about 5 minutes)')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;quota;clear' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Reset only this API''s daily quota (one of 50 resets a month; needs a token)')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The access_token to use; else WXTOKEN_ACCESS_TOKEN, else stdin (unless it is a terminal), else one is fetched with the credentials: a normal-mode stable token, which invalidates nobody''s token')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]')
            [CompletionResult]::new('--corpid', '--corpid', [CompletionResultType]::ParameterName, 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]')
            [CompletionResult]::new('--corpsecret', '--corpsecret', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]')
            [CompletionResult]::new('--agentid', '--agentid', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Reset without asking (required when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Reset without asking (required when stdin is not a terminal)')
            [CompletionResult]::new('--classic', '--classic', [CompletionResultType]::ParameterName, 'Fetch the token from the classic endpoint (/cgi-bin/token) instead. Every classic fetch invalidates the token other processes hold (after about 5 minutes)')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;quota;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show each API''s daily limit, calls used and left, and rate limit')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Reset the daily quotas of every API (10 resets a month), or of one API with --api')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxtoken;quota;help;get' {
            break
        }
        'wxtoken;quota;help;clear' {
            break
        }
        'wxtoken;quota;help;help' {
            break
        }
        'wxtoken;rid' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The access_token to use; else WXTOKEN_ACCESS_TOKEN, else stdin (unless it is a terminal), else one is fetched with the credentials: a normal-mode stable token, which invalidates nobody''s token')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]')
            [CompletionResult]::new('--corpid', '--corpid', [CompletionResultType]::ParameterName, 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]')
            [CompletionResult]::new('--corpsecret', '--corpsecret', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]')
            [CompletionResult]::new('--agentid', '--agentid', [CompletionResultType]::ParameterName, 'With --platform wecom: the app''s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'With --cache (or fetch''s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file''s default_profile, if any]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system''s (those update-ca-certificates installs)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--classic', '--classic', [CompletionResultType]::ParameterName, 'Fetch the token from the classic endpoint (/cgi-bin/token) instead. Every classic fetch invalidates the token other processes hold (after about 5 minutes)')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch')
            [CompletionResult]::new('--no-profile', '--no-profile', [CompletionResultType]::ParameterName, 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file''s default_profile')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;man' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour messages on stderr')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the pages, one name a line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or warnings; the one-line error stays')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxtoken;help' {
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Fetch an access_token and print it (or one JSON document with --json)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with a token in its environment: WXTOKEN_ACCESS_TOKEN, and WXTOKEN_EXPIRES_AT (unix seconds)')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call any WeChat API with the token managed, and explain its errcode')
            [CompletionResult]::new('ticket', 'ticket', [CompletionResultType]::ParameterValue, 'Print a JS-SDK ticket (jsapi, wx_card, agent_config), kept and shared like a token')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a page for wx.config (or wx.agentConfig, or a card), or find what breaks a signature')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles of the config file (never a secret)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain errcodes or a pasted WeChat response, offline')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check whether WeChat accepts an access_token, without fetching a new one')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Diagnose a setup step by step: credentials, proxy, DNS, TCP and TLS, clock, whitelist')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'List or remove cached tokens (never shows a token)')
            [CompletionResult]::new('quota', 'quota', [CompletionResultType]::ParameterValue, 'Show or reset the daily API call quotas (Official Accounts, Mini Programs)')
            [CompletionResult]::new('rid', 'rid', [CompletionResultType]::ParameterValue, 'Look up a request id (rid): when, from which IP, what was sent and answered')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Show a manual page: wxtoken''s, or a command''s (every option, variable and exit code)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxtoken;help;fetch' {
            break
        }
        'wxtoken;help;exec' {
            break
        }
        'wxtoken;help;api' {
            break
        }
        'wxtoken;help;ticket' {
            break
        }
        'wxtoken;help;sign' {
            break
        }
        'wxtoken;help;profiles' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a profile to the config file (created at mode 0600 where it belongs)')
            break
        }
        'wxtoken;help;profiles;add' {
            break
        }
        'wxtoken;help;explain' {
            break
        }
        'wxtoken;help;check' {
            break
        }
        'wxtoken;help;doctor' {
            break
        }
        'wxtoken;help;cache' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show appid, endpoint, expiry and remaining lifetime of each cached token')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove cached tokens (all, or those of one appid)')
            break
        }
        'wxtoken;help;cache;list' {
            break
        }
        'wxtoken;help;cache;clear' {
            break
        }
        'wxtoken;help;quota' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show each API''s daily limit, calls used and left, and rate limit')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Reset the daily quotas of every API (10 resets a month), or of one API with --api')
            break
        }
        'wxtoken;help;quota;get' {
            break
        }
        'wxtoken;help;quota;clear' {
            break
        }
        'wxtoken;help;rid' {
            break
        }
        'wxtoken;help;completions' {
            break
        }
        'wxtoken;help;man' {
            break
        }
        'wxtoken;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
