#!/usr/bin/env bash
# wxtoken against curl | jq, on loopback. Not part of CI: the machines are shared and noisy, so
# speed is measured here, by ratios taken in one interleaved run, never by a timed test.
#
#   bash benches/compare.sh            # RUNS=300 by default; RUNS=1000 for steadier figures
#
# It installs what it needs from Debian's packages (nginx-light, curl, jq, openssl, time), builds
# the release binary, makes a certificate authority of its own, serves a token response from
# nginx (`return 200 '...'`, so the server costs next to nothing) over HTTP and HTTPS, and prints
# the table of figures and targets. Exit status 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-300}
need=()
for tool in nginx:nginx-light curl:curl jq:jq openssl:openssl /usr/bin/time:time python3:python3 redis-server:redis-server redis-cli:redis-tools; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

cargo build --release --locked -q
# WXTOKEN_BENCH_BIN measures another build (an older commit's, kept aside) on the same set-up.
BIN=${WXTOKEN_BENCH_BIN:-$PWD/target/release/wxtoken}

WORK=$(mktemp -d)
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# A certificate authority of our own, and a server certificate for 127.0.0.1 signed by it.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
  -subj "/CN=wxtoken bench CA" -keyout "$WORK/ca.key" -out "$WORK/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
  -subj "/CN=127.0.0.1" -keyout "$WORK/server.key" -out "$WORK/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' >"$WORK/ext.cnf"
openssl x509 -req -in "$WORK/server.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" \
  -CAcreateserial -days 2 -extfile "$WORK/ext.cnf" -out "$WORK/server.pem" 2>/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
HTTP_PORT=$(free_port)
HTTPS_PORT=$(free_port)
TOKEN="78_$(head -c 96 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 130)"
cat >"$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events { worker_connections 256; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$HTTP_PORT;
    listen 127.0.0.1:$HTTPS_PORT ssl;
    ssl_certificate $WORK/server.pem;
    ssl_certificate_key $WORK/server.key;
    location /cgi-bin/token {
      default_type application/json;
      return 200 '{"access_token":"$TOKEN","expires_in":7200}';
    }
  }
}
EOF
nginx -c "$WORK/nginx.conf" -p "$WORK"
REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" \
  --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

QUERY="grant_type=client_credential&appid=wx0123456789abcdef&secret=0123456789abcdef0123456789abcdef"
export WXTOKEN_APPID=wx0123456789abcdef WXTOKEN_SECRET=0123456789abcdef0123456789abcdef
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY WXTOKEN_CACHE
printf '%s\n' "$TOKEN" >"$WORK/token.txt"

# Every command must print the token before it is timed.
check() { [ "$("$@")" = "$TOKEN" ] || { echo "benchmark set-up failed: $*" >&2; exit 2; }; }
check "$BIN" fetch --api-base "http://127.0.0.1:$HTTP_PORT"
check "$BIN" fetch --api-base "https://127.0.0.1:$HTTPS_PORT" --ca-cert "$WORK/ca.pem"
[ "$(curl -s --cacert "$WORK/ca.pem" "https://127.0.0.1:$HTTPS_PORT/cgi-bin/token?$QUERY" | jq -r .access_token)" = "$TOKEN" ]
check "$BIN" fetch --cache --cache-dir "$WORK/cache" --api-base "http://127.0.0.1:$HTTP_PORT"
check "$BIN" fetch --store "redis://127.0.0.1:$REDIS_PORT" --store-layout wxjava --api-base "http://127.0.0.1:$HTTP_PORT"
[ "$(redis-cli -p "$REDIS_PORT" GET wx:access_token:wx0123456789abcdef)" = "$TOKEN" ]

export BIN WORK HTTP_PORT HTTPS_PORT REDIS_PORT QUERY RUNS
python3 - <<'PY'
import os, statistics, subprocess, sys, time

env = os.environ
BIN, WORK, RUNS = env["BIN"], env["WORK"], int(env["RUNS"])
http = f"http://127.0.0.1:{env['HTTP_PORT']}"
https = f"https://127.0.0.1:{env['HTTPS_PORT']}"
url = lambda base: f"{base}/cgi-bin/token?{env['QUERY']}"
null = subprocess.DEVNULL

def spawn(argv):
    return lambda: subprocess.run(argv, stdout=null, stderr=null, check=True)

def pipeline(first, second):
    # What a shell does for `first | second`, without the shell.
    def run():
        a = subprocess.Popen(first, stdout=subprocess.PIPE, stderr=null)
        b = subprocess.Popen(second, stdin=a.stdout, stdout=null, stderr=null)
        a.stdout.close()
        if b.wait() or a.wait():
            raise RuntimeError("pipeline failed")
    return run

def interleaved(a, b, runs):
    """Median seconds of a and of b, runs alternating a/b and b/a so drift hits both alike."""
    ta, tb = [], []
    for i in range(runs + 10):
        order = [(a, ta), (b, tb)] if i % 2 == 0 else [(b, tb), (a, ta)]
        for fn, acc in order:
            t0 = time.perf_counter()
            fn()
            if i >= 10:  # warm-up
                acc.append(time.perf_counter() - t0)
    return statistics.median(ta), statistics.median(tb)

rows = []
def ratio(label, a, b, target):
    ma, mb = interleaved(a, b, RUNS)
    r = ma / mb
    rows.append((label, f"{r:.3f}  ({ma*1000:.2f} ms / {mb*1000:.2f} ms)", f"≤ {target}", r <= target))

ratio("wxtoken fetch / curl -s URL | jq -r .access_token (HTTP)",
      spawn([BIN, "fetch", "--api-base", http]),
      pipeline(["curl", "-s", url(http)], ["jq", "-r", ".access_token"]), 0.15)
ratio("wxtoken fetch --ca-cert CA / curl -s --cacert CA URL (HTTPS)",
      spawn([BIN, "fetch", "--api-base", https, "--ca-cert", f"{WORK}/ca.pem"]),
      spawn(["curl", "-s", "--cacert", f"{WORK}/ca.pem", url(https)]), 0.30)
ratio("wxtoken fetch --cache (hit) / cat small file",
      spawn([BIN, "fetch", "--cache", "--cache-dir", f"{WORK}/cache", "--api-base", http]),
      spawn(["cat", f"{WORK}/token.txt"]), 1.30)

ratio("wxtoken fetch --store (hit, wxjava layout) / redis-cli GET of the same key",
      spawn([BIN, "fetch", "--store", f"redis://127.0.0.1:{env['REDIS_PORT']}", "--store-layout", "wxjava", "--api-base", http]),
      spawn(["redis-cli", "-p", env["REDIS_PORT"], "GET", "wx:access_token:wx0123456789abcdef"]), 0.75)

rss = []
for _ in range(20):
    p = subprocess.run(["/usr/bin/time", "-f", "%M", BIN, "fetch", "--api-base", https, "--ca-cert", f"{WORK}/ca.pem"],
                       stdout=null, stderr=subprocess.PIPE, text=True, check=True)
    rss.append(int(p.stderr.strip().splitlines()[-1]))
peak = max(rss) / 1024
rows.append(("peak RSS of one HTTPS fetch (max of 20)", f"{peak:.2f} MiB", "≤ 6 MiB", peak <= 6))
size = os.path.getsize(BIN) / 1024 / 1024
rows.append(("size of the release binary", f"{size:.2f} MiB", "≤ 5 MiB", size <= 5))

w = max(len(r[0].replace("|", "\\|")) for r in rows)
print(f"runs: {RUNS} of each command, interleaved, medians; {os.cpu_count()} cores")
print(f"| {'figure':<{w}} | measured | target | met |")
print(f"|{'-'*(w+2)}|---|---|---|")
for label, measured, target, ok in rows:
    print(f"| {label.replace('|', chr(92) + '|'):<{w}} | {measured} | {target} | {'yes' if ok else 'NO'} |")
sys.exit(0 if all(r[3] for r in rows) else 1)
PY
