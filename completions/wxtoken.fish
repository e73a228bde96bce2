# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_wxtoken_global_optspecs
    string join \n color= lang= q/quiet json v/verbose h/help V/version
end

function __fish_wxtoken_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_wxtoken_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_wxtoken_using_subcommand
    set -l cmd (__fish_wxtoken_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c wxtoken -n "__fish_wxtoken_needs_command" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_needs_command" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_needs_command" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -l json
complete -c wxtoken -n "__fish_wxtoken_needs_command" -s v -l verbose
complete -c wxtoken -n "__fish_wxtoken_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "fetch" -d 'Fetch an access_token and print it (or one JSON document with --json)'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "exec" -d 'Run a command with a token in its environment: WXTOKEN_ACCESS_TOKEN, and WXTOKEN_EXPIRES_AT (unix seconds)'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "api" -d 'Call any WeChat API with the token managed, and explain its errcode'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "ticket" -d 'Print a JS-SDK ticket (jsapi, wx_card, agent_config), kept and shared like a token'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "sign" -d 'Sign a page for wx.config (or wx.agentConfig, or a card), or find what breaks a signature'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "profiles" -d 'List the profiles of the config file (never a secret)'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "explain" -d 'Explain errcodes or a pasted WeChat response, offline'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "check" -d 'Check whether WeChat accepts an access_token, without fetching a new one'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "doctor" -d 'Diagnose a setup step by step: credentials, proxy, DNS, TCP and TLS, clock, whitelist'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "cache" -d 'List or remove cached tokens (never shows a token)'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "quota" -d 'Show or reset the daily API call quotas (Official Accounts, Mini Programs)'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "rid" -d 'Look up a request id (rid): when, from which IP, what was sent and answered'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "man" -d 'Show a manual page: wxtoken\'s, or a command\'s (every option, variable and exit code)'
complete -c wxtoken -n "__fish_wxtoken_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l appid -d 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l corpid -d 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l corpsecret -d 'With --platform wecom: the app\'s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l agentid -d 'With --platform wecom: the app\'s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l secret -d 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l secret-file -d 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l api-base -d 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l timeout -d 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l retries -d 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l proxy -d 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l ca-cert -d 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system\'s (those update-ca-certificates installs)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l min-ttl -d 'With --cache (or fetch\'s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l cache-dir -d 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l store-layout -d 'The keys and values of the store: wxtoken\'s own, or those of the SDK whose apps read the token [default: wxtoken]' -r -f -a "wxtoken\t'wxtoken\'s own: one JSON value with the token, its expiry and a fingerprint of the secret'
silenceper-go\t'The Go SDK github.com/silenceper/wechat'
wxjava\t'The Java SDK WxJava (RedisTemplate or Jedis storage), joining its lock'
wechatpy\t'The Python SDK wechatpy (RedisStorage)'
powerwechat\t'The Go SDK PowerWeChat'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l store-prefix -d 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l store-client-cert -d 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis\'s default, tls-auth-clients yes); with --store-client-key' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l store-client-key -d 'For rediss://: the client certificate\'s private key (PEM), in a file only its owner may read (never shown)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l rejected -d 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l cache-owner -d 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher\'s), besides its own user and root [default: none; a setgid directory of one of this user\'s groups is trusted too]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l store -d 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l format -d 'What to print: token (the token alone), json (as --json), env (export lines for `eval "$(wxtoken fetch --format env)"`; on failure `false`, so that eval fails too) or query (access_token=..., URL-encoded) [default: token]' -r -f -a "token\t'The token alone, on one line'
json\t'One JSON document: access_token, expires_in, expires_at, source, endpoint, platform'
env\t'`export WXTOKEN_ACCESS_TOKEN=...` and `export WXTOKEN_EXPIRES_AT=...`, quoted for POSIX shells'
query\t'`access_token=...`, URL-encoded, for building request URLs'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l output -d 'Write the result to FILE instead of stdout: atomically (a reader sees the old content or the new, never part), mode 0600 for a new file; an unchanged result is not rewritten' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l stable -d 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l force-refresh -d 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder\'s stable token stops working'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l cache -d 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l no-fetch -d 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -s v -l verbose -d 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand fetch" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l appid -d 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l corpid -d 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l corpsecret -d 'With --platform wecom: the app\'s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l agentid -d 'With --platform wecom: the app\'s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l secret -d 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l secret-file -d 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l api-base -d 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l timeout -d 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l retries -d 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l proxy -d 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l ca-cert -d 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system\'s (those update-ca-certificates installs)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l min-ttl -d 'With --cache (or fetch\'s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l cache-dir -d 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l store-layout -d 'The keys and values of the store: wxtoken\'s own, or those of the SDK whose apps read the token [default: wxtoken]' -r -f -a "wxtoken\t'wxtoken\'s own: one JSON value with the token, its expiry and a fingerprint of the secret'
silenceper-go\t'The Go SDK github.com/silenceper/wechat'
wxjava\t'The Java SDK WxJava (RedisTemplate or Jedis storage), joining its lock'
wechatpy\t'The Python SDK wechatpy (RedisStorage)'
powerwechat\t'The Go SDK PowerWeChat'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l store-prefix -d 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l store-client-cert -d 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis\'s default, tls-auth-clients yes); with --store-client-key' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l store-client-key -d 'For rediss://: the client certificate\'s private key (PEM), in a file only its owner may read (never shown)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l rejected -d 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l cache-owner -d 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher\'s), besides its own user and root [default: none; a setgid directory of one of this user\'s groups is trusted too]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l store -d 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l stable -d 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l force-refresh -d 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder\'s stable token stops working'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l cache -d 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l no-fetch -d 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -s v -l verbose -d 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand exec" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -s X -l method -d 'The HTTP method [default: GET; POST once a field, --input or --form is given]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -s f -l raw-field -d 'A string field: key=value; key[sub]=value builds an object, key[]=value an array. In the JSON body (POST), or the query string (GET, or with --input)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -s F -l field -d 'A typed field: true, false, null and integers become JSON; @FILE reads a file\'s text, @- stdin\'s; anything else is a string' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l input -d 'Send this file ("-" for stdin) as the body, as it is (fields then go to the query string)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l form -d 'A multipart/form-data part: name=@FILE (a file, as media uploads take it) or name=value' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -s H -l header -d 'An extra request header: \'Name: value\'' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l format -d 'How failures are told on stderr: text, or json (as --json: one JSON document)' -r -f -a "text\t'Failures as text for people'
json\t'Failures as one JSON document (as --json)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l output -d 'Write the body to FILE (atomically; for a QR code or a media file) instead of stdout' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l max-pages -d 'With --paginate: at most this many pages (each spends the API\'s daily quota); reaching it before the last page exits 15' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l paginate-style -d 'With --paginate, for an API wxtoken does not know: openid (next_openid), offset (offset/count against total_count) or cursor (cursor/next_cursor), optionally with the request\'s and the answer\'s field names: cursor:cursor,next_cursor' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l appid -d 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l corpid -d 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l corpsecret -d 'With --platform wecom: the app\'s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l agentid -d 'With --platform wecom: the app\'s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l secret -d 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l secret-file -d 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l api-base -d 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l timeout -d 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l retries -d 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l proxy -d 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l ca-cert -d 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system\'s (those update-ca-certificates installs)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l min-ttl -d 'With --cache (or fetch\'s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l cache-dir -d 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l store-layout -d 'The keys and values of the store: wxtoken\'s own, or those of the SDK whose apps read the token [default: wxtoken]' -r -f -a "wxtoken\t'wxtoken\'s own: one JSON value with the token, its expiry and a fingerprint of the secret'
silenceper-go\t'The Go SDK github.com/silenceper/wechat'
wxjava\t'The Java SDK WxJava (RedisTemplate or Jedis storage), joining its lock'
wechatpy\t'The Python SDK wechatpy (RedisStorage)'
powerwechat\t'The Go SDK PowerWeChat'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l store-prefix -d 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l store-client-cert -d 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis\'s default, tls-auth-clients yes); with --store-client-key' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l store-client-key -d 'For rediss://: the client certificate\'s private key (PEM), in a file only its owner may read (never shown)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l rejected -d 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l cache-owner -d 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher\'s), besides its own user and root [default: none; a setgid directory of one of this user\'s groups is trusted too]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l store -d 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l dry-run -d 'Print the request that would be sent (the token masked) and send nothing'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l token-stdin -d 'Read the access_token from stdin instead of obtaining one (WXTOKEN_ACCESS_TOKEN, which `wxtoken exec` sets, is used the same way): used as it is, never kept or replaced, and nothing obtained with it is kept'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -s i -l include -d 'Print the HTTP status line and the answer\'s headers before its body'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l silent -d 'Print no body (the exit code and errors still tell how the call went)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l paginate -d 'Fetch every page (next_openid, offset/count, or WeChat Work\'s cursor), each printed as one JSON document on its own line'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l slurp -d 'With --paginate: print the pages as one JSON array'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l stable -d 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l force-refresh -d 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder\'s stable token stops working'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l cache -d 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l no-fetch -d 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -s v -l verbose -d 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand api" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l format -d 'What to print: ticket (the ticket alone) or json (as --json) [default: ticket]' -r -f -a "ticket\t'The ticket alone'
json\t'One JSON document (as --json)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l output -d 'Write the result to FILE instead of stdout: atomically (a reader sees the old content or the new, never part), mode 0600 for a new file; an unchanged result is not rewritten' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l appid -d 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l corpid -d 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l corpsecret -d 'With --platform wecom: the app\'s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l agentid -d 'With --platform wecom: the app\'s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l secret -d 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l secret-file -d 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l api-base -d 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l timeout -d 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l retries -d 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l proxy -d 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l ca-cert -d 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system\'s (those update-ca-certificates installs)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l min-ttl -d 'With --cache (or fetch\'s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l cache-dir -d 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l store-layout -d 'The keys and values of the store: wxtoken\'s own, or those of the SDK whose apps read the token [default: wxtoken]' -r -f -a "wxtoken\t'wxtoken\'s own: one JSON value with the token, its expiry and a fingerprint of the secret'
silenceper-go\t'The Go SDK github.com/silenceper/wechat'
wxjava\t'The Java SDK WxJava (RedisTemplate or Jedis storage), joining its lock'
wechatpy\t'The Python SDK wechatpy (RedisStorage)'
powerwechat\t'The Go SDK PowerWeChat'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l store-prefix -d 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l store-client-cert -d 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis\'s default, tls-auth-clients yes); with --store-client-key' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l store-client-key -d 'For rediss://: the client certificate\'s private key (PEM), in a file only its owner may read (never shown)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l rejected -d 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l cache-owner -d 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher\'s), besides its own user and root [default: none; a setgid directory of one of this user\'s groups is trusted too]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l store -d 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l token-stdin -d 'Read the access_token from stdin instead of obtaining one (WXTOKEN_ACCESS_TOKEN, which `wxtoken exec` sets, is used the same way): used as it is, never kept or replaced, and nothing obtained with it is kept'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l stable -d 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l force-refresh -d 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder\'s stable token stops working'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l cache -d 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l no-fetch -d 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -s v -l verbose -d 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand ticket" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l url -d 'The page\'s URL, as location.href has it: its #fragment is removed, nothing else changed' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l nonce -d 'The nonceStr [default: 16 random letters and digits]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l timestamp -d 'The timestamp, in seconds [default: now]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l card -d 'The card signature (cardExt) of this card_id, with the wx_card ticket, instead of wx.config\'s' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l code -d 'With --card: the card\'s code' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l openid -d 'With --card: the openid the card is for' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l ticket -d 'Sign with this ticket instead of obtaining one ("-" reads it from stdin); with --check, the ticket the page used, compared with the one kept (--cache, --store: only read)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l check -d '"invalid signature": the signature the page used (with its --url, --nonce and --timestamp); says which input makes the difference. Exit 0 when it is right, 16 when it is not' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l appid -d 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l corpid -d 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l corpsecret -d 'With --platform wecom: the app\'s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l agentid -d 'With --platform wecom: the app\'s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l secret -d 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l secret-file -d 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l api-base -d 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l timeout -d 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l retries -d 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l proxy -d 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l ca-cert -d 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system\'s (those update-ca-certificates installs)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l min-ttl -d 'With --cache (or fetch\'s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l cache-dir -d 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l store-layout -d 'The keys and values of the store: wxtoken\'s own, or those of the SDK whose apps read the token [default: wxtoken]' -r -f -a "wxtoken\t'wxtoken\'s own: one JSON value with the token, its expiry and a fingerprint of the secret'
silenceper-go\t'The Go SDK github.com/silenceper/wechat'
wxjava\t'The Java SDK WxJava (RedisTemplate or Jedis storage), joining its lock'
wechatpy\t'The Python SDK wechatpy (RedisStorage)'
powerwechat\t'The Go SDK PowerWeChat'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l store-prefix -d 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l store-client-cert -d 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis\'s default, tls-auth-clients yes); with --store-client-key' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l store-client-key -d 'For rediss://: the client certificate\'s private key (PEM), in a file only its owner may read (never shown)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l rejected -d 'With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is fetched, under the lock, only while the cache or store still holds this one; otherwise what it holds is served. Any number of runs reporting the same token make one fetch. "-" reads the token from stdin' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l cache-owner -d 'With --no-fetch --cache: the user whose cache directory this reader trusts (the refresher\'s), besides its own user and root [default: none; a setgid directory of one of this user\'s groups is trusted too]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l store -d 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l agent-config -d 'WeChat Work: sign for wx.agentConfig (the app\'s agent_config ticket; corpid and agentid in the output) instead of wx.config'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l token-stdin -d 'Read the access_token from stdin instead of obtaining one (WXTOKEN_ACCESS_TOKEN, which `wxtoken exec` sets, is used the same way): used as it is, never kept or replaced, and nothing obtained with it is kept'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l stable -d 'Use the stable_token endpoint: every caller gets the same token while it is valid, so any number of machines can call it at once without breaking each other (recommended)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l force-refresh -d 'With --stable: invalidate the current stable token and issue a new one. Costly: at most 20 a day, at least 30 s apart, and every other holder\'s stable token stops working'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l cache -d 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l no-fetch -d 'With --store or --cache: serve only the token kept there; never contact WeChat, need no secret; exit 11 when it has less than --min-ttl left'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -s v -l verbose -d 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand sign" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -l names -d 'Print only the names, one per line (for completion scripts)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -f -a "add" -d 'Add a profile to the config file (created at mode 0600 where it belongs)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and not __fish_seen_subcommand_from add help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l appid -l corpid -d 'The AppID (mp) or, with --platform wecom, the CorpID' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l agentid -d 'With --platform wecom: the app\'s AgentId' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l secret-file -d 'The secret\'s file (an absolute path is written; ~/ stays as it is)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l secret-env -d 'The variable that holds the secret when the profile is used (not from cron)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l secret-command -d 'The command that prints the secret, as words (run without a shell), e.g. \'pass show wx\'' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l store -d 'Keep the token in this Redis store' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l api-base -d 'The API base (a gateway)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l inline-secret -d 'Write the secret itself into the file (read from stdin, or asked for at a terminal)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l stable -d 'Fetch stable tokens (recommended for Official Accounts and Mini Programs)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l cache -d 'Keep the token in the local cache'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l default -d 'Make it the default profile (when the file names none yet)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a profile to the config file (created at mode 0600 where it belongs)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand explain" -l platform -d 'The platform whose catalogue explains the codes [default: mp, or wecom for an answer that looks like WeChat Work\'s (its devtool link, `from ip:`)]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand explain" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand explain" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand explain" -l all -d 'Print the whole catalogue'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand explain" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand explain" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand explain" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l token -d 'The token to check; else WXTOKEN_ACCESS_TOKEN, else stdin' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l api-base -d 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l timeout -d 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l retries -d 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l proxy -d 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l ca-cert -d 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system\'s (those update-ca-certificates installs)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -s v -l verbose -d 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand check" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l appid -d 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l corpid -d 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l corpsecret -d 'With --platform wecom: the app\'s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l agentid -d 'With --platform wecom: the app\'s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l secret -d 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l secret-file -d 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l api-base -d 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l timeout -d 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l retries -d 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l proxy -d 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l ca-cert -d 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system\'s (those update-ca-certificates installs)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -s v -l verbose -d 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -f -a "list" -d 'Show appid, endpoint, expiry and remaining lifetime of each cached token'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -f -a "clear" -d 'Remove cached tokens (all, or those of one appid)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l cache-dir -d 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l store -d 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l store-layout -d 'The keys and values of the store: wxtoken\'s own, or those of the SDK whose apps read the token [default: wxtoken]' -r -f -a "wxtoken\t'wxtoken\'s own: one JSON value with the token, its expiry and a fingerprint of the secret'
silenceper-go\t'The Go SDK github.com/silenceper/wechat'
wxjava\t'The Java SDK WxJava (RedisTemplate or Jedis storage), joining its lock'
wechatpy\t'The Python SDK wechatpy (RedisStorage)'
powerwechat\t'The Go SDK PowerWeChat'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l store-prefix -d 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l store-client-cert -d 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis\'s default, tls-auth-clients yes); with --store-client-key' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l store-client-key -d 'For rediss://: the client certificate\'s private key (PEM), in a file only its owner may read (never shown)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l timeout -d 'With --store: seconds each Redis command may take (decimals allowed); listing the keys takes at most three times this as a whole' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l platform -d 'The platform whose default prefix applies: mp or wecom [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l ca-cert -d 'For rediss://: PEM file of the CA that signed the Redis server\'s certificate, or "system"' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l appid -d 'Only the entries of this AppID' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l cache-dir -d 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l store -d 'A Redis store that keeps the token for a whole fleet, with the lock there too (for cache list and clear: the store to work on instead of the local cache): redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock, redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l store-layout -d 'The keys and values of the store: wxtoken\'s own, or those of the SDK whose apps read the token [default: wxtoken]' -r -f -a "wxtoken\t'wxtoken\'s own: one JSON value with the token, its expiry and a fingerprint of the secret'
silenceper-go\t'The Go SDK github.com/silenceper/wechat'
wxjava\t'The Java SDK WxJava (RedisTemplate or Jedis storage), joining its lock'
wechatpy\t'The Python SDK wechatpy (RedisStorage)'
powerwechat\t'The Go SDK PowerWeChat'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l store-prefix -d 'The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l store-client-cert -d 'For rediss://: the client certificate (PEM) a store that authenticates its clients asks for (Redis\'s default, tls-auth-clients yes); with --store-client-key' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l store-client-key -d 'For rediss://: the client certificate\'s private key (PEM), in a file only its owner may read (never shown)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l timeout -d 'With --store: seconds each Redis command may take (decimals allowed); listing the keys takes at most three times this as a whole' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l platform -d 'The platform whose default prefix applies: mp or wecom [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l ca-cert -d 'For rediss://: PEM file of the CA that signed the Redis server\'s certificate, or "system"' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show appid, endpoint, expiry and remaining lifetime of each cached token'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove cached tokens (all, or those of one appid)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and not __fish_seen_subcommand_from get clear help" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and not __fish_seen_subcommand_from get clear help" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and not __fish_seen_subcommand_from get clear help" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and not __fish_seen_subcommand_from get clear help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and not __fish_seen_subcommand_from get clear help" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and not __fish_seen_subcommand_from get clear help" -f -a "get" -d 'Show each API\'s daily limit, calls used and left, and rate limit'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and not __fish_seen_subcommand_from get clear help" -f -a "clear" -d 'Reset the daily quotas of every API (10 resets a month), or of one API with --api'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and not __fish_seen_subcommand_from get clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l token -d 'The access_token to use; else WXTOKEN_ACCESS_TOKEN, else stdin (unless it is a terminal), else one is fetched with the credentials: a normal-mode stable token, which invalidates nobody\'s token' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l appid -d 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l corpid -d 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l corpsecret -d 'With --platform wecom: the app\'s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l agentid -d 'With --platform wecom: the app\'s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l secret -d 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l secret-file -d 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l min-ttl -d 'With --cache (or fetch\'s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l cache-dir -d 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l api-base -d 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l timeout -d 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l retries -d 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l proxy -d 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l ca-cert -d 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system\'s (those update-ca-certificates installs)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l classic -d 'Fetch the token from the classic endpoint (/cgi-bin/token) instead. Every classic fetch invalidates the token other processes hold (after about 5 minutes)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l cache -d 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l api -d 'Reset only this API\'s daily quota (one of 50 resets a month; needs a token)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l token -d 'The access_token to use; else WXTOKEN_ACCESS_TOKEN, else stdin (unless it is a terminal), else one is fetched with the credentials: a normal-mode stable token, which invalidates nobody\'s token' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l appid -d 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l corpid -d 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l corpsecret -d 'With --platform wecom: the app\'s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l agentid -d 'With --platform wecom: the app\'s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l secret -d 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l secret-file -d 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l min-ttl -d 'With --cache (or fetch\'s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l cache-dir -d 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l api-base -d 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l timeout -d 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l retries -d 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l proxy -d 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l ca-cert -d 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system\'s (those update-ca-certificates installs)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -s y -l yes -d 'Reset without asking (required when stdin is not a terminal)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l classic -d 'Fetch the token from the classic endpoint (/cgi-bin/token) instead. Every classic fetch invalidates the token other processes hold (after about 5 minutes)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l cache -d 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show each API\'s daily limit, calls used and left, and rate limit'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Reset the daily quotas of every API (10 resets a month), or of one API with --api'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand quota; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l platform -d 'The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]' -r -f -a "mp\t'Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)'
wecom\t'WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l token -d 'The access_token to use; else WXTOKEN_ACCESS_TOKEN, else stdin (unless it is a terminal), else one is fetched with the credentials: a normal-mode stable token, which invalidates nobody\'s token' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l appid -d 'The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts and Mini Programs only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l corpid -d 'With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid [env: WXTOKEN_CORPID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l corpsecret -d 'With --platform wecom: the app\'s Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l agentid -d 'With --platform wecom: the app\'s AgentId, a label for the cache and messages (gettoken does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l secret -d 'The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only, never shown]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l secret-file -d 'Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l min-ttl -d 'With --cache (or fetch\'s --store): the least lifetime, in seconds, a kept token must have left to be reused [default: 300]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l cache-dir -d 'Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l profile -d 'Take settings from this profile of the config file (flags and WXTOKEN_* variables still win) [default: the file\'s default_profile, if any]' -r -f -a "(wxtoken profiles --names 2>/dev/null)"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l config -d 'The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else ~/.config/wxtoken/config.toml]' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l api-base -d 'Base URL of the API; may carry a path prefix (gateways with a fixed egress IP) [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com] [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l timeout -d 'Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l retries -d 'Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l proxy -d 'Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected' -r
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l ca-cert -d 'PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the operating system\'s (those update-ca-certificates installs)' -r -F
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l classic -d 'Fetch the token from the classic endpoint (/cgi-bin/token) instead. Every classic fetch invalidates the token other processes hold (after about 5 minutes)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l cache -d 'Reuse a token cached on this machine while it has at least --min-ttl seconds left, else fetch it and keep it there; concurrent invocations share one upstream fetch'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l no-profile -d 'Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file\'s default_profile'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -l json -d 'Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -s v -l verbose -d 'Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand rid" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand completions" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand completions" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand completions" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand completions" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand man" -l color -d 'When to colour messages on stderr' -r -f -a "auto\t'Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb'
always\t'Always colour'
never\t'Never colour'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand man" -l lang -d 'Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)' -r -f -a "auto\t'Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English'
en\t'English'
zh\t'Chinese (中文)'"
complete -c wxtoken -n "__fish_wxtoken_using_subcommand man" -l list -d 'List the pages, one name a line'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand man" -s q -l quiet -d 'No hints or warnings; the one-line error stays'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand man" -s V -l version -d 'Print version'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "fetch" -d 'Fetch an access_token and print it (or one JSON document with --json)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "exec" -d 'Run a command with a token in its environment: WXTOKEN_ACCESS_TOKEN, and WXTOKEN_EXPIRES_AT (unix seconds)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "api" -d 'Call any WeChat API with the token managed, and explain its errcode'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "ticket" -d 'Print a JS-SDK ticket (jsapi, wx_card, agent_config), kept and shared like a token'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "sign" -d 'Sign a page for wx.config (or wx.agentConfig, or a card), or find what breaks a signature'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "profiles" -d 'List the profiles of the config file (never a secret)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "explain" -d 'Explain errcodes or a pasted WeChat response, offline'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "check" -d 'Check whether WeChat accepts an access_token, without fetching a new one'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "doctor" -d 'Diagnose a setup step by step: credentials, proxy, DNS, TCP and TLS, clock, whitelist'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "cache" -d 'List or remove cached tokens (never shows a token)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "quota" -d 'Show or reset the daily API call quotas (Official Accounts, Mini Programs)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "rid" -d 'Look up a request id (rid): when, from which IP, what was sent and answered'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "man" -d 'Show a manual page: wxtoken\'s, or a command\'s (every option, variable and exit code)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and not __fish_seen_subcommand_from fetch exec api ticket sign profiles explain check doctor cache quota rid completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and __fish_seen_subcommand_from profiles" -f -a "add" -d 'Add a profile to the config file (created at mode 0600 where it belongs)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "list" -d 'Show appid, endpoint, expiry and remaining lifetime of each cached token'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "clear" -d 'Remove cached tokens (all, or those of one appid)'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and __fish_seen_subcommand_from quota" -f -a "get" -d 'Show each API\'s daily limit, calls used and left, and rate limit'
complete -c wxtoken -n "__fish_wxtoken_using_subcommand help; and __fish_seen_subcommand_from quota" -f -a "clear" -d 'Reset the daily quotas of every API (10 resets a month), or of one API with --api'
function __fish_wxtoken_exec_after_dashdash
    __fish_wxtoken_using_subcommand exec; and contains -- -- (commandline -opc)
end
function __fish_wxtoken_exec_command
    set -l words (commandline -opc)
    set -l at (contains -i -- -- $words)
    set -l line (string escape -- $words[(math $at + 1)..-1])
    complete -C (string join ' ' -- $line (commandline -ct))
end
complete -c wxtoken -n "__fish_wxtoken_exec_after_dashdash" -f -a "(__fish_wxtoken_exec_command)"
