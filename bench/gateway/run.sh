#!/usr/bin/env bash
# Gateway throughput benchmark (issue 4). In ONE run, on loopback, with wrk:
#   (a) the upstream directly
#   (b) a plain Vert.x reverse proxy without checks (the ceiling)
#   (c) the gateway, cache hits (a small set of tokens, warmed into the verified-token cache)
#   (d) the gateway, every token new (second gateway instance with the verified-token cache
#       disabled by configuration, cache.verifiedTokens: 0, so every request verifies in full)
#   (e) Keycloak's own RFC 7662 introspection endpoint, when the distribution is available
#   (f) the gateway's own RFC 7662 introspection endpoint (cache on): like for like with (e), since
#       neither forwards to an upstream
# and prints requests/s, p50/p99 and the ratios against the targets. See bench/README.md.
#
# Env (defaults in brackets):
#   DURATION [10]      seconds per case and round          WARMUP [30]  seconds of warm-up per case (JIT)
#   ROUNDS [5]         interleaved rounds (median taken)
#   THREADS [1]        wrk threads                         CONNECTIONS [32] wrk connections
#   TOKENS [10000]     token pool size                     CACHED_TOKENS [0] tokens in case (c), 0: all
#   ALG [RS256]        token algorithm (RS256|PS256|ES256) CRYPTO [AUTO] gateway provider (AUTO|JDK|BC|ACCP)
#   INSTANCES [2]      event-loop verticles of gateway and plain proxy
#   PIN [none]         none: let the OS schedule; split: wrk on CPU 1, servers on CPU 0
#   KEYCLOAK [auto]    auto: run (e) if the distribution can be had; 1: must run; 0: skip
#   KC_DURATION [15]   KC_WARMUP [90]  (Keycloak is a large application: C2 needs the time)
#   KC_USERS [100]     Keycloak users the TOKENS Keycloak tokens are spread over (one login each)
#   KC_MODE [dev]      dev: kc.sh start-dev, embedded H2 (as the demo runs it); prod: kc.sh start
#                      with PostgreSQL at 127.0.0.1:5432 (database keycloak_bench, made afresh) and
#                      a local cache, as a single production node runs
#   SKIP_BUILD [0]     1: reuse the last build            MVN_OFFLINE [-o] set to "" to go online
#   OUT [bench/target/gateway-run]   logs, configs, tokens, results.txt
#   PROFILE [0]        1: JFR-record proxy and gateways, write OUT/*.hotspots.txt
#   GATEWAY_JAVA_OPTS  [-XX:+UseParallelGC, bin/gateway's default] JVM options of the gateways and the
#                      plain proxy alike
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
cd "$ROOT"

DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-5}
WARMUP=${WARMUP:-30}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
TOKENS=${TOKENS:-10000}
CACHED_TOKENS=${CACHED_TOKENS:-0}
ALG=${ALG:-RS256}
CRYPTO=${CRYPTO:-AUTO}
INSTANCES=${INSTANCES:-2}
PIN=${PIN:-none}
KEYCLOAK=${KEYCLOAK:-auto}
KC_DURATION=${KC_DURATION:-15}
KC_WARMUP=${KC_WARMUP:-90}
KC_VERSION=${KC_VERSION:-26.7.3}
KC_USERS=${KC_USERS:-100}
KC_MODE=${KC_MODE:-dev}
SKIP_BUILD=${SKIP_BUILD:-0}
MVN_OFFLINE=${MVN_OFFLINE--o}
OUT=${OUT:-$ROOT/bench/target/gateway-run}
JAVA_TOOL_HEAP=${JAVA_TOOL_HEAP:--Xms128m -Xmx512m}
# bin/gateway's own default JVM options, read from it; the plain proxy gets them too.
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS-$(sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/bin/gateway")}

# What the script runs besides Java: installed from Debian's packages when missing (a fresh machine
# has none of them), as scripts/test.sh does for the tests.
need=()
for cmd in wrk jq curl unzip; do command -v "$cmd" >/dev/null || need+=("$cmd"); done
if [[ ${#need[@]} -gt 0 ]]; then
  as_root() { if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo "$@"; fi; }
  printf '[bench] installing %s\n' "${need[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.port "$OUT"/*.log "$OUT"/results.txt

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

case "$PIN" in
  none) SERVER_CPU=(); LOAD_CPU=() ;;
  split) SERVER_CPU=(taskset -c 0); LOAD_CPU=(taskset -c 1) ;;
  *) die "PIN must be none or split" ;;
esac

# ---- process bookkeeping: every server runs in its own process group, killed on exit ----------
PIDS=()
declare -A PID_OF
cleanup() { # TERM each process group, give them up to 10 s (JFR dumps, Keycloak), then KILL
  local pid i
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for ((i = 0; i < 100; i++)); do
    local running=0
    for pid in "${PIDS[@]}"; do kill -0 -- "-$pid" 2>/dev/null && running=1; done
    [[ $running == 0 ]] && break
    sleep 0.1
  done
  for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start() { # start NAME CMD... ; output to $OUT/NAME.log
  local name=$1; shift
  setsid "${SERVER_CPU[@]}" "$@" >"$OUT/$name.log" 2>&1 &
  PIDS+=("$!")
  PID_OF[$name]=$!
  disown "$!"  # no job-status noise when it is killed
  log "started $name (pid $!)"
}

stop_all() {
  cleanup
  PIDS=()
}

alive() { kill -0 "${PIDS[-1]}" 2>/dev/null; } # is the last started process still running

wait_file() { # wait_file FILE SECONDS NAME (for the last started process)
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    [[ -s "$1" ]] && return 0
    alive || die "$3 exited: $(tail -n 5 "$OUT/$3.log")"
    sleep 0.1
  done
  die "$3 did not start within $2 s (see $OUT/$3.log)"
}

wait_http() { # wait_http URL SECONDS NAME
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    if curl -fs -o /dev/null --max-time 2 "$1"; then return 0; fi
    sleep 0.2
  done
  die "$3 did not answer $1 within $2 s (see $OUT/$3.log)"
}

free_port() { # a port on 127.0.0.1 nothing listens on, below the kernel's ephemeral range (a port
  # in that range may be taken as the local end of an outgoing connection before a server binds it)
  local port low
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range
  for _ in $(seq 1 200); do
    port=$((10000 + RANDOM % (low - 10000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  die "no free port found"
}

# ---- build ------------------------------------------------------------------------------------
if [[ "$SKIP_BUILD" != 1 ]]; then
  log "building gateway (package, tests compiled but not run)"
  ./mvnw -B $MVN_OFFLINE -q -pl gateway -am package -DskipTests
fi
./mvnw -B $MVN_OFFLINE -q -pl gateway dependency:build-classpath \
  -Dmdep.outputFile="$OUT/test.classpath" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/gateway/target/test-classes:$ROOT/gateway/target/classes:$(cat "$OUT/test.classpath")"
[[ -x "$ROOT/bin/gateway" ]] || die "bin/gateway not found (merge the gateway-core branch)"
# shellcheck disable=SC2206
TOOL=(java $JAVA_TOOL_HEAP -cp "$CP")
B=io.mynagate.gateway.bench

jfr() { # JFR options for server NAME when PROFILE=1
  [[ "${PROFILE:-0}" == 1 ]] || return 0
  echo "-XX:StartFlightRecording=filename=$OUT/$1.jfr,settings=profile,method-profiling=max,dumponexit=true"
}
rm -f "$OUT"/*.jfr "$OUT"/*.hotspots.txt

# ---- servers ----------------------------------------------------------------------------------
start upstream "${TOOL[@]}" $B.BenchUpstream --port-file "$OUT/upstream.port" --instances 1
wait_file "$OUT/upstream.port" 60 upstream
UPSTREAM_PORT=$(cat "$OUT/upstream.port")

GW_CACHED_PORT=$(free_port)
GW_NEW_PORT=$(free_port)
while [[ "$GW_NEW_PORT" == "$GW_CACHED_PORT" ]]; do GW_NEW_PORT=$(free_port); done
GW_INTROSPECT_PORT=$(free_port)
while [[ "$GW_INTROSPECT_PORT" == "$GW_CACHED_PORT" || "$GW_INTROSPECT_PORT" == "$GW_NEW_PORT" ]]; do
  GW_INTROSPECT_PORT=$(free_port)
done
log "minting $TOKENS $ALG tokens"
start idp "${TOOL[@]}" $B.TokenTool --out-dir "$OUT" --tokens "$TOKENS" --alg "$ALG" \
  --port-file "$OUT/idp.port" --upstream-url "http://127.0.0.1:$UPSTREAM_PORT" \
  --config-template "$HERE/gateway-cached.yaml.tmpl,$HERE/gateway-uncached.yaml.tmpl,$HERE/gateway-cached.yaml.tmpl" \
  --config-out "$OUT/gateway-cached.yaml,$OUT/gateway-uncached.yaml,$OUT/gateway-introspect.yaml" \
  --gateway-port "$GW_CACHED_PORT,$GW_NEW_PORT,$GW_INTROSPECT_PORT" \
  --config-vars "CRYPTO=$CRYPTO,INSTANCES=$INSTANCES"
wait_file "$OUT/idp.port" 300 idp
grep -h minted "$OUT/idp.log" >&2 || true

# shellcheck disable=SC2046
# The JVM options of bin/gateway (its defaults plus GATEWAY_JAVA_OPTS), not the tools' heap limits:
# the ceiling runs on the same JVM settings as the gateways.
start plain-proxy java ${GATEWAY_JAVA_OPTS:-} $(jfr plain-proxy) -cp "$CP" $B.PlainProxy --upstream "http://127.0.0.1:$UPSTREAM_PORT" \
  --port-file "$OUT/plain-proxy.port" --instances "$INSTANCES"
wait_file "$OUT/plain-proxy.port" 60 plain-proxy
PROXY_PORT=$(cat "$OUT/plain-proxy.port")

GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-} $(jfr gateway-cached)" \
  start gateway-cached "$ROOT/bin/gateway" --config "$OUT/gateway-cached.yaml"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-} $(jfr gateway-uncached)" \
  start gateway-uncached "$ROOT/bin/gateway" --config "$OUT/gateway-uncached.yaml"
# (f) gets a gateway of its own (the cached configuration), so that each measured process does one
# case's work: a JVM compiles the code that two cases share (verification, cache, response writing)
# for whatever it has run, so introspection load on (c)'s process would change what (c) measures.
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-} $(jfr gateway-introspect)" \
  start gateway-introspect "$ROOT/bin/gateway" --config "$OUT/gateway-introspect.yaml"
wait_http "http://127.0.0.1:$GW_CACHED_PORT/health" 90 gateway-cached
wait_http "http://127.0.0.1:$GW_NEW_PORT/health" 90 gateway-uncached
wait_http "http://127.0.0.1:$GW_INTROSPECT_PORT/health" 90 gateway-introspect

# ---- sanity: the gateway must accept a valid token and refuse a bad one ------------------------
TOKEN=$(head -n 1 "$OUT/tokens.txt")
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@"; }
check() { # check NAME EXPECTED URL [curl args]
  local name=$1 expected=$2 got; shift 2
  got=$(status "$@")
  if [[ "$got" != "$expected" ]]; then die "sanity: $name answered $got, expected $expected"; fi
  log "sanity: $name -> $got"
}
check "upstream" 200 "http://127.0.0.1:$UPSTREAM_PORT/api/hello"
check "plain proxy" 200 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PROXY_PORT/api/hello"
GW_INTROSPECT_BASIC=$(printf '%s' "bench-introspector:bench-introspector-secret-0000" | base64 -w0)
body=$(curl -fsS --max-time 5 "http://127.0.0.1:$GW_INTROSPECT_PORT/introspect" \
  -H "Authorization: Basic $GW_INTROSPECT_BASIC" -d "token=$TOKEN")
[[ "$(jq -r .active <<<"$body")" == true ]] || die "gateway introspection says inactive: $body"
body=$(curl -fsS --max-time 5 "http://127.0.0.1:$GW_INTROSPECT_PORT/introspect" \
  -H "Authorization: Basic $GW_INTROSPECT_BASIC" -d "token=${TOKEN%?????}AAAAA")
[[ "$(jq -r .active <<<"$body")" == false ]] || die "gateway introspection accepts a tampered token: $body"
log "sanity: gateway introspection -> active for the token, inactive when tampered"
for gw in "$GW_CACHED_PORT" "$GW_NEW_PORT"; do
  check "gateway :$gw valid token" 200 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$gw/api/hello"
  check "gateway :$gw no token" 401 "http://127.0.0.1:$gw/api/hello"
  check "gateway :$gw tampered token" 401 -H "Authorization: Bearer ${TOKEN%?????}AAAAA" \
    "http://127.0.0.1:$gw/api/hello"
done

# ---- measurement ------------------------------------------------------------------------------
# The machine is shared, so the load from elsewhere drifts: every case is measured ROUNDS times,
# interleaved (a b c d, a b c d, ...); a case's figures are from its median round, and each ratio is
# the median of the per-round ratios (the two cases of one round ran seconds apart).
declare -A RPS P50 P99 NON2XX ERRS LINE
run_wrk() { # run_wrk SECONDS URL SCRIPT -> prints the RESULT line
  "${LOAD_CPU[@]}" wrk -t "$THREADS" -c "$CONNECTIONS" -d "${1}s" --timeout 5s -s "$3" "$2" \
    | grep '^RESULT' || true
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
record() { # record KEY RESULT_LINE
  local line=$2
  [[ -n "$line" ]] || die "wrk printed no result for $1"
  RPS[$1]=$(field rps "$line")
  P50[$1]=$(awk -v us="$(field p50_us "$line")" 'BEGIN { printf "%.2f", us / 1000 }')
  P99[$1]=$(awk -v us="$(field p99_us "$line")" 'BEGIN { printf "%.2f", us / 1000 }')
  NON2XX[$1]=$(field non2xx "$line")
  ERRS[$1]=$(( $(field connect_err "$line") + $(field read_err "$line") + $(field write_err "$line") + $(field timeouts "$line") ))
  log "$1: ${RPS[$1]} req/s, p50 ${P50[$1]} ms, p99 ${P99[$1]} ms, non-2xx ${NON2XX[$1]}, socket errors ${ERRS[$1]}"
}
metrics_snapshot() { # metrics_snapshot PORT FILE: the gateway's Prometheus text, for cache stats
  curl -fs --max-time 5 "http://127.0.0.1:$1/metrics" >"$2" 2>/dev/null || true
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

CASES=(upstream plain-proxy gateway-cached gateway-new gateway-introspect)
declare -A PORT_OF=([upstream]=$UPSTREAM_PORT [plain-proxy]=$PROXY_PORT
  [gateway-cached]=$GW_CACHED_PORT [gateway-new]=$GW_NEW_PORT [gateway-introspect]=$GW_INTROSPECT_PORT)
declare -A LIMIT_OF=([upstream]=0 [plain-proxy]=0 [gateway-cached]=$CACHED_TOKENS [gateway-new]=0
  [gateway-introspect]=0)
declare -A KIND_OF=([upstream]=bearer [plain-proxy]=bearer [gateway-cached]=bearer
  [gateway-new]=bearer [gateway-introspect]=introspect)
wrk_env() { # wrk_env CASE: pool.lua's settings for that case
  export TOKENS_FILE="$OUT/tokens.txt" TOKENS_LIMIT=${LIMIT_OF[$1]} KIND=${KIND_OF[$1]} \
    BENCH_PATH=/api/hello WRK_THREADS=$THREADS
  # (f) asks about the whole pool, as (e) does with Keycloak's own pool.
  export INTROSPECT_PATH=/introspect INTROSPECT_BASIC=$GW_INTROSPECT_BASIC
}
for c in "${CASES[@]}"; do
  wrk_env "$c"
  log "$c: warm-up ${WARMUP}s"
  run_wrk "$WARMUP" "http://127.0.0.1:${PORT_OF[$c]}" "$HERE/pool.lua" >/dev/null
done
metrics_snapshot "$GW_CACHED_PORT" "$OUT/gateway-cached.metrics.before"
metrics_snapshot "$GW_NEW_PORT" "$OUT/gateway-new.metrics.before"
# CPU time per request of the server processes, from /proc/PID/stat (utime + stime): unlike
# requests/s it hardly depends on how much CPU the rest of the machine leaves over.
CLK_TCK=$(getconf CLK_TCK)
declare -A MIDDLE_OF=([upstream]=upstream [plain-proxy]=plain-proxy
  [gateway-cached]=gateway-cached [gateway-new]=gateway-uncached [gateway-introspect]=gateway-introspect)
declare -A MID_TICKS UP_TICKS REQS
cpu_ticks() { # cpu_ticks NAME -> utime + stime of that server so far
  local f
  read -r -a f <"/proc/${PID_OF[$1]}/stat"
  echo $((f[13] + f[14]))
}
for ((round = 1; round <= ROUNDS; round++)); do
  for c in "${CASES[@]}"; do
    wrk_env "$c"
    mid0=$(cpu_ticks "${MIDDLE_OF[$c]}"); up0=$(cpu_ticks upstream)
    LINE[$c,$round]=$(run_wrk "$DURATION" "http://127.0.0.1:${PORT_OF[$c]}" "$HERE/pool.lua")
    mid1=$(cpu_ticks "${MIDDLE_OF[$c]}"); up1=$(cpu_ticks upstream)
    [[ -n "${LINE[$c,$round]}" ]] || die "wrk printed no result for $c"
    MID_TICKS[$c]=$(( ${MID_TICKS[$c]:-0} + mid1 - mid0 ))
    UP_TICKS[$c]=$(( ${UP_TICKS[$c]:-0} + up1 - up0 ))
    REQS[$c]=$(( ${REQS[$c]:-0} + $(field requests "${LINE[$c,$round]}") ))
    log "round $round/$ROUNDS $c: $(field rps "${LINE[$c,$round]}") req/s"
  done
done
us_per_request() { # us_per_request CLOCK_TICKS REQUESTS -> CPU microseconds per request
  awk -v t="$1" -v r="$2" -v hz="$CLK_TCK" 'BEGIN { if (r > 0) printf "%.0f", t * 1e6 / hz / r; else print "n/a" }'
}
cpu_us() { # cpu_us CASE middle|all -> CPU microseconds per request
  local ticks=${MID_TICKS[$1]}
  [[ $2 == all && $1 != upstream ]] && ticks=$((ticks + UP_TICKS[$1]))
  us_per_request "$ticks" "${REQS[$1]}"
}
cpu_ratio() { # cpu_ratio A B -> all-server CPU per request of B / of A (capacity A relative to B)
  awk -v a="$(cpu_us "$1" all)" -v b="$(cpu_us "$2" all)" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "n/a" }'
}
metrics_snapshot "$GW_CACHED_PORT" "$OUT/gateway-cached.metrics.after"
metrics_snapshot "$GW_NEW_PORT" "$OUT/gateway-new.metrics.after"
for c in "${CASES[@]}"; do # the median round of each case (closest to the median if ROUNDS is even)
  med=$(for ((r = 1; r <= ROUNDS; r++)); do field rps "${LINE[$c,$r]}"; done | median)
  best=$(for ((r = 1; r <= ROUNDS; r++)); do
    awk -v r="$r" -v a="$(field rps "${LINE[$c,$r]}")" -v m="$med" \
      'BEGIN { d = a - m; if (d < 0) d = -d; print d, r }'
  done | sort -g | head -n 1 | cut -d' ' -f2)
  record "$c" "${LINE[$c,$best]}"
done
round_ratios() { # round_ratios A B -> rps(A)/rps(B) of each round, one per line
  for ((r = 1; r <= ROUNDS; r++)); do
    awk -v a="$(field rps "${LINE[$1,$r]}")" -v b="$(field rps "${LINE[$2,$r]}")" \
      'BEGIN { if (b > 0) printf "%.4f\n", a / b }'
  done
}
round_spread() { # round_spread A B -> "lowest-highest" of the per-round ratios
  round_ratios "$1" "$2" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f-%.2f", lo, hi }'
}
round_ratio() { round_ratios "$1" "$2" | median; } # median over rounds of rps(A)/rps(B)
ROUND_TABLE=$(for ((r = 1; r <= ROUNDS; r++)); do
  printf '  round %d:' "$r"
  for c in "${CASES[@]}"; do printf ' %s %s;' "$c" "$(field rps "${LINE[$c,$r]}")"; done
  echo
done)
R_CACHED=$(round_ratio gateway-cached plain-proxy)
R_NEW=$(round_ratio gateway-new plain-proxy)
R_PROXY=$(round_ratio plain-proxy upstream)
S_CACHED=$(round_spread gateway-cached plain-proxy)
S_NEW=$(round_spread gateway-new plain-proxy)

# Cache statistics as the gateway reports them (metric names containing "cache").
cache_stats() {
  local before=$1 after=$2
  [[ -s "$after" ]] || { echo "no /metrics"; return; }
  join -j1 <(grep -v '^#' "$before" 2>/dev/null | grep -i 'cache.*_total' | sort) \
           <(grep -v '^#' "$after" | grep -i 'cache.*_total' | sort) 2>/dev/null \
    | awk '{ d = $3 - $2; if (d != 0) printf "%s +%d; ", $1, d }'
}
CACHE_C=$(cache_stats "$OUT/gateway-cached.metrics.before" "$OUT/gateway-cached.metrics.after")
CACHE_D=$(cache_stats "$OUT/gateway-new.metrics.before" "$OUT/gateway-new.metrics.after")

stop_all
if [[ "${PROFILE:-0}" == 1 ]]; then
  for g in plain-proxy gateway-cached gateway-uncached gateway-introspect; do
    [[ -s "$OUT/$g.jfr" ]] && "${TOOL[@]}" $B.JfrHotspots "$OUT/$g.jfr" 30 >"$OUT/$g.hotspots.txt" \
      && log "profile of $g: $OUT/$g.hotspots.txt"
  done
fi

# ---- (e) Keycloak introspection ------------------------------------------------------------------
KC_ZIP="$ROOT/bench/target/keycloak-quarkus-dist-$KC_VERSION.zip"
KC_HOME="$ROOT/bench/target/keycloak-$KC_VERSION"
KC_NOTE=""
keycloak_available() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  if [[ ! -s "$KC_ZIP" ]]; then
    log "downloading Keycloak $KC_VERSION distribution from Maven Central"
    curl -fsSL --max-time 600 -o "$KC_ZIP.part" \
      "https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip" \
      && mv "$KC_ZIP.part" "$KC_ZIP" || return 1
  fi
  (cd "$ROOT/bench/target" && unzip -q -o "$KC_ZIP") || return 1
  [[ -x "$KC_HOME/bin/kc.sh" ]]
}

group_ticks() { # group_ticks PGID -> utime + stime of every process in that group (kc.sh + java)
  local p f t=0
  for p in $(pgrep -g "$1"); do
    read -r -a f 2>/dev/null <"/proc/$p/stat" || continue
    t=$((t + f[13] + f[14]))
  done
  echo "$t"
}

kc_introspect() { # kc_introspect BASE TOKEN -> Keycloak's "active" for that token
  curl -fsS --max-time 10 "$1/realms/bench/protocol/openid-connect/token/introspect" \
    -u "bench-introspector:$KC_SECRET" -d "token=$2" | jq -r .active
}

kc_measure() { # kc_measure KEY BASE WARMUP_SECONDS: warm up, then measure with the exported pool
  local kc0 kc1 line
  log "$1: warm-up ${3}s"
  run_wrk "$3" "$2" "$HERE/pool.lua" >/dev/null
  log "$1: measuring ${KC_DURATION}s"
  kc0=$(group_ticks "${PID_OF[keycloak]}")
  line=$(run_wrk "$KC_DURATION" "$2" "$HERE/pool.lua")
  kc1=$(group_ticks "${PID_OF[keycloak]}")
  record "$1" "$line"
  KC_CPU_US[$1]=$(us_per_request "$((kc1 - kc0))" "$(field requests "$line")")
}

declare -A KC_CPU_US
run_keycloak() {
  local port mport admin_token password token body i inactive=0 sampled=0
  port=$(free_port); mport=$(free_port)
  while [[ "$mport" == "$port" ]]; do mport=$(free_port); done
  local mode_args
  case "$KC_MODE" in
    dev)
      rm -rf "$KC_HOME/data"   # fresh dev database each run
      mode_args=(start-dev) ;;
    prod)
      command -v psql >/dev/null || die "KC_MODE=prod needs psql and PostgreSQL on 127.0.0.1:5432"
      psql -q -h 127.0.0.1 -U postgres -d postgres -c 'DROP DATABASE IF EXISTS keycloak_bench' \
        -c 'CREATE DATABASE keycloak_bench' || die "cannot create database keycloak_bench"
      # Build options (database, cache) make kc.sh re-augment the distribution first: a minute.
      mode_args=(start --db=postgres --db-url=jdbc:postgresql://127.0.0.1:5432/keycloak_bench
        --db-username=postgres --db-password=unused --cache=local --http-enabled=true
        --hostname-strict=false) ;;
    *) die "KC_MODE must be dev or prod" ;;
  esac
  KC_BOOTSTRAP_ADMIN_USERNAME=bench-admin KC_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password \
    start keycloak "$KC_HOME/bin/kc.sh" "${mode_args[@]}" --http-host=127.0.0.1 --http-port="$port" \
    --http-management-port="$mport" --log-level=WARN
  log "waiting for Keycloak on :$port (slow on 2 cores)"
  wait_http "http://127.0.0.1:$port/realms/master" 300 keycloak
  local base="http://127.0.0.1:$port"
  admin_token=$(curl -fsS "$base/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli -d username=bench-admin \
    -d password=bench-admin-password | jq -r .access_token)
  KC_SECRET="bench-introspector-secret-$RANDOM$RANDOM"
  password="bench-resident-password-$RANDOM$RANDOM"
  # A realm of its own with KC_USERS residents and one confidential client that logs them in
  # (password grant) and introspects. Tokens and sessions outlive the run. Passwords are hashed
  # with one PBKDF2 round so that 10,000 logins take a minute, not hours: the hash is not what is
  # measured. The client names itself in aud, since Keycloak 26 only introspects tokens meant for
  # the asking client; its service account gives the one-token comparison case.
  jq -n --arg secret "$KC_SECRET" --arg password "$password" --argjson users "$KC_USERS" '{
    realm: "bench", enabled: true,
    passwordPolicy: "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)",
    accessTokenLifespan: 3600, ssoSessionIdleTimeout: 7200, ssoSessionMaxLifespan: 36000,
    clients: [{clientId: "bench-introspector", enabled: true, publicClient: false,
      secret: $secret, clientAuthenticatorType: "client-secret", serviceAccountsEnabled: true,
      standardFlowEnabled: false, directAccessGrantsEnabled: true,
      protocolMappers: [{name: "self-audience", protocol: "openid-connect",
        protocolMapper: "oidc-audience-mapper",
        config: {"included.client.audience": "bench-introspector", "access.token.claim": "true",
                 "id.token.claim": "false", "introspection.token.claim": "true"}}]}],
    users: [range(1; $users + 1) | {username: "resident\(.)", enabled: true,
      email: "resident\(.)@bench.invalid", emailVerified: true,
      firstName: "Bench", lastName: "Resident \(.)",
      credentials: [{type: "password", value: $password, temporary: false}]}]
  }' | curl -fsS -o /dev/null "$base/admin/realms" -H "Authorization: Bearer $admin_token" \
    -H 'Content-Type: application/json' -d @- || die "Keycloak refused the bench realm"
  log "minting $TOKENS Keycloak tokens: password grant, one session per token, $KC_USERS users"
  CLIENT_SECRET=$KC_SECRET USER_PASSWORD=$password "${TOOL[@]}" $B.PasswordGrantTokens \
    --token-url "$base/realms/bench/protocol/openid-connect/token" --client-id bench-introspector \
    --user-prefix resident --users "$KC_USERS" --tokens "$TOKENS" --out "$OUT/keycloak-tokens.txt" \
    >&2 || die "minting Keycloak tokens failed"
  [[ "$(kc_introspect "$base" "$(head -n 1 "$OUT/keycloak-tokens.txt")")" == true ]] \
    || die "Keycloak introspection says a fresh token is inactive"
  log "sanity: Keycloak introspection -> active"
  export KIND=introspect TOKENS_LIMIT=0 WRK_THREADS=$THREADS \
    INTROSPECT_PATH=/realms/bench/protocol/openid-connect/token/introspect \
    INTROSPECT_BASIC=$(printf '%s' "bench-introspector:$KC_SECRET" | base64 -w0)
  export TOKENS_FILE="$OUT/keycloak-tokens.txt"
  kc_measure keycloak-introspect "$base" "$KC_WARMUP"
  # Every measured answer must have been about an active token: sample the pool end to end.
  for ((i = 1; i <= TOKENS; i += TOKENS / 20 + 1)); do
    sampled=$((sampled + 1))
    [[ "$(kc_introspect "$base" "$(sed -n "${i}p" "$OUT/keycloak-tokens.txt")")" == true ]] \
      || inactive=$((inactive + 1))
  done
  [[ $inactive == 0 ]] || KC_WARNING="$inactive of $sampled sampled Keycloak tokens inactive after (e)"
  # For reference, the case runs before 2026-11-26 measured: one service-account token, no session.
  token=$(curl -fsS "$base/realms/bench/protocol/openid-connect/token" \
    -u "bench-introspector:$KC_SECRET" -d grant_type=client_credentials | jq -r .access_token)
  [[ "$(kc_introspect "$base" "$token")" == true ]] || die "Keycloak service-account token inactive"
  printf '%s\n' "$token" >"$OUT/keycloak-one-token.txt"
  export TOKENS_FILE="$OUT/keycloak-one-token.txt"
  kc_measure keycloak-introspect-one "$base" 20
  stop_all
}

case "$KEYCLOAK" in
  0) KC_NOTE="skipped (KEYCLOAK=0)" ;;
  1) keycloak_available || die "Keycloak distribution not available"; run_keycloak ;;
  *) if keycloak_available; then run_keycloak; else KC_NOTE="skipped (distribution not available)"; fi ;;
esac

# ---- report -----------------------------------------------------------------------------------
ratio() { # ratio A B -> A/B with 2 decimals, or n/a
  awk -v a="${RPS[$1]:-}" -v b="${RPS[$2]:-}" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'
}
verdict() { # verdict VALUE TARGET
  awk -v v="$1" -v t="$2" 'BEGIN { if (v == "n/a") print "n/a"; else if (v + 0 >= t + 0) print "MET"; else print "MISSED" }'
}
{
  echo
  echo "== Myna Gateway benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ) =="
  echo "machine: $(nproc) cores shared by wrk and all servers (PIN=$PIN), Java $(java -version 2>&1 | head -n1 | cut -d'"' -f2)"
  echo "wrk -t$THREADS -c$CONNECTIONS, $ROUNDS interleaved rounds of ${DURATION}s per case after ${WARMUP}s warm-up;" \
       "tokens: $TOKENS x $ALG, cached case uses $([[ $CACHED_TOKENS == 0 ]] && echo all || echo "$CACHED_TOKENS"); gateway crypto=$CRYPTO instances=$INSTANCES"
  printf '%-34s %12s %9s %9s %8s %7s %10s %10s\n' case "requests/s" "p50 ms" "p99 ms" non-2xx sockerr \
    "cpu us/req" "+upstream"
  for key in upstream plain-proxy gateway-cached gateway-new keycloak-introspect \
      keycloak-introspect-one gateway-introspect; do
    label=$key
    case $key in
      upstream) label="(a) upstream direct" ;;
      plain-proxy) label="(b) plain proxy (ceiling)" ;;
      gateway-cached) label="(c) gateway, cache hits" ;;
      gateway-new) label="(d) gateway, every token new" ;;
      keycloak-introspect) label="(e) Keycloak introspection" ;;
      keycloak-introspect-one) label="(e1) Keycloak, one token" ;;
      gateway-introspect) label="(f) gateway introspection" ;;
    esac
    if [[ -n "${RPS[$key]:-}" ]]; then
      cpu_mid=""; cpu_all=""
      if [[ -n "${REQS[$key]:-}" ]]; then cpu_mid=$(cpu_us "$key" middle); cpu_all=$(cpu_us "$key" all); fi
      if [[ $key == keycloak-* ]]; then cpu_mid=${KC_CPU_US[$key]:-}; cpu_all=$cpu_mid; fi
      printf '%-34s %12s %9s %9s %8s %7s %10s %10s\n' "$label" "${RPS[$key]}" "${P50[$key]}" \
        "${P99[$key]}" "${NON2XX[$key]}" "${ERRS[$key]}" "$cpu_mid" "$cpu_all"
    else
      printf '%-34s %s\n' "$label" "$KC_NOTE"
    fi
  done
  echo "cpu us/req: CPU time of the process wrk talks to per request, over all rounds; +upstream adds the upstream's"
  echo "(d) uses a second gateway with cache.verifiedTokens: 0, so every request is verified in full"
  echo "(e) Keycloak $KC_VERSION (KC_MODE=$KC_MODE) introspecting its own pool of $TOKENS tokens, one password-grant login each over $KC_USERS users"
  echo "(e1) the same Keycloak asked again and again about one service-account token (client_credentials, no user session)"
  echo "(f) asks about the $TOKENS tokens of the gateway's pool"
  echo "cache metrics during (c): ${CACHE_C:-n/a}"
  echo "cache metrics during (d): ${CACHE_D:-n/a}"
  r1=$(printf '%.2f' "$R_CACHED"); r2=$(printf '%.2f' "$R_NEW")
  r3=$(ratio gateway-cached keycloak-introspect)
  echo "ratios:"
  printf '  %-44s %6s  (target >= 0.85) %s  (rounds %s)\n' "gateway cached / plain proxy" "$r1" \
    "$(verdict "$r1" 0.85)" "$S_CACHED"
  printf '  %-44s %6s  (target >= 0.5)  %s  (rounds %s)\n' "gateway every-token-new / plain proxy" \
    "$r2" "$(verdict "$r2" 0.5)" "$S_NEW"
  printf '  %-44s %6s  (target >= 30)   %s\n' "gateway cached / Keycloak introspection" "$r3" "$(verdict "$r3" 30)"
  r4=$(ratio gateway-introspect keycloak-introspect)
  printf '  %-44s %6s  (target >= 30)   %s  (like for like: no upstream on either side)\n' \
    "gateway introspection / Keycloak introspection" "$r4" "$(verdict "$r4" 30)"
  printf '  %-44s %6s  (for reference: the case measured before)\n' \
    "gateway cached / Keycloak, one token (e1)" "$(ratio gateway-cached keycloak-introspect-one)"
  printf '  %-44s %6s  (for reference: the ceiling against Keycloak)\n' \
    "plain proxy / Keycloak introspection" "$(ratio plain-proxy keycloak-introspect)"
  printf '  %-44s %6s  (for reference: no proxy outruns its upstream)\n' \
    "upstream direct / Keycloak introspection" "$(ratio upstream keycloak-introspect)"
  printf '  %-44s %6s  (for reference)\n' "plain proxy / upstream direct" "$(printf '%.2f' "$R_PROXY")"
  echo "the same ratios estimated from server CPU per request (capacity if the servers had the CPU to themselves):"
  printf '  %-44s %6s\n' "gateway cached / plain proxy" "$(cpu_ratio gateway-cached plain-proxy)"
  printf '  %-44s %6s\n' "gateway every-token-new / plain proxy" "$(cpu_ratio gateway-new plain-proxy)"
  printf '  %-44s %6s  (gateway process only: Keycloak has no upstream)\n' \
    "gateway cached / Keycloak introspection" \
    "$(awk -v k="${KC_CPU_US[keycloak-introspect]:-}" -v g="$(cpu_us gateway-cached middle)" 'BEGIN { if (k != "" && k != "n/a" && g > 0) printf "%.2f", k / g; else print "n/a" }')"
  echo "requests/s per round (figures above: median round; ratios: median of per-round ratios):"
  echo "$ROUND_TABLE"
  bad=0
  for key in "${!RPS[@]}"; do
    if [[ "${NON2XX[$key]}" != 0 || "${ERRS[$key]}" != 0 ]]; then
      echo "WARNING: $key had ${NON2XX[$key]} non-2xx answers and ${ERRS[$key]} socket errors"
      bad=1
    fi
  done
  [[ $bad == 0 ]] && echo "all measured requests answered 2xx"
  [[ -z "${KC_WARNING:-}" ]] || echo "WARNING: $KC_WARNING"
} | tee "$OUT/results.txt"
