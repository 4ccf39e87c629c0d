#!/usr/bin/env bash
# HTTP load test of StraitCheck: GET /api/ping (the trivial baseline) against POST /api/checks
# (a rotation of realistic submissions from scripts/bodies/), measured with wrk on loopback.
#
#   scripts/load-test.sh                   # warm-up (ping 10 s, check 30 s), then 30 s per endpoint
#   DURATION=60s WARMUP_CHECK=60s scripts/load-test.sh
#
# Environment (all optional):
#   DURATION     measured wrk run per endpoint (default 30s)
#   WARMUP_PING  wrk warm-up on /api/ping, not reported (default 10s)
#   WARMUP_CHECK wrk warm-up on /api/checks, not reported (default 30s: the JIT (C2) is still
#                compiling the check path for ~30-40 s of traffic; see docs/performance.md)
#   WARMUP       sets both warm-ups at once
#   CONNECTIONS  wrk connections (default 16)      THREADS  wrk threads (default 2)
#   AS_OF        ?asOf= of the checks (default 2026-05-20; the bodies are written for it)
#   HEAP         server heap, used for -Xms and -Xmx (default 1g)
#   JAR          the jar to run (default app/target/straitcheck.jar, built if missing)
#   JAVA_OPTS    extra JVM options for the server
#   JFR          if 1, record the whole run with JFR into $OUT_DIR/load-test.jfr (costs throughput)
#   JFR_SETTINGS JFR settings (default profile; "default" is lighter)
#   KEEP_LOG     if 1, keep the server log, the Lua script and the wrk outputs in $OUT_DIR
#   OUT_DIR      where JFR and KEEP_LOG write (default /tmp/straitcheck-load-test)
#
# The server listens on 127.0.0.1 only, on a free port; it is stopped on exit. Its embedded
# PostgreSQL (idle during the test: checks store nothing) gets a throwaway data folder in a temp
# dir, and is stopped too. Everything is bounded in time (build, start-up, curl, wrk). wrk and
# the server share the machine's cores.
#
# Exit status: 0 all targets met, 3 a target missed, anything else an error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEFAULT_JAR="$ROOT/app/target/straitcheck.jar"
JAR="${JAR:-$DEFAULT_JAR}"
BODIES="$ROOT/scripts/bodies"
DURATION="${DURATION:-30s}"
WARMUP_PING="${WARMUP_PING:-${WARMUP:-10s}}"
WARMUP_CHECK="${WARMUP_CHECK:-${WARMUP:-30s}}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
AS_OF="${AS_OF:-2026-05-20}"
HEAP="${HEAP:-1g}"
JAVA_OPTS="${JAVA_OPTS:-}"
OUT_DIR="${OUT_DIR:-/tmp/straitcheck-load-test}"
HOST=127.0.0.1

# targets (see docs/performance.md)
TARGET_CHECK_RPS=5000
TARGET_CHECK_P99_MS=10
TARGET_RATIO=0.5

log() { printf '[load-test %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { printf '[load-test %s] ERROR: %s\n' "$(date +%T)" "$*" >&2; exit 1; }

# seconds in a wrk duration such as 30s, 2m, 1h (a bare number is seconds)
seconds_of() {
    local d="$1"
    case "$d" in
        *h) echo $(( ${d%h} * 3600 )) ;;
        *m) echo $(( ${d%m} * 60 )) ;;
        *s) echo "${d%s}" ;;
        *) echo "$d" ;;
    esac
}

# --- tools -----------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
    log "wrk not found; installing it with apt-get"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    timeout 600 $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive timeout 600 $SUDO apt-get install -y wrk
fi
command -v curl >/dev/null 2>&1 || die "curl is required"
command -v java >/dev/null 2>&1 || die "java (17+) is required"

if [ ! -f "$JAR" ]; then
    [ "$JAR" = "$DEFAULT_JAR" ] || die "JAR=$JAR does not exist"
    log "$JAR missing; building it"
    (cd "$ROOT" && timeout 900 ./mvnw -q -B package -DskipTests)
    [ -f "$JAR" ] || die "the build did not produce $JAR"
fi

shopt -s nullglob
BODY_FILES=("$BODIES"/*.json)
shopt -u nullglob
[ "${#BODY_FILES[@]}" -gt 0 ] || die "no request bodies in $BODIES"

# --- work dir, free port, server -------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/straitcheck-load.XXXXXX")"
SERVER_PID=""
DATA_DIR="$WORK/data"

# the embedded PostgreSQL's postmaster (pg_ctl detaches it from the JVM), from its own pid file
postmaster_pid() {
    [ -f "$DATA_DIR/postmaster.pid" ] && head -n1 "$DATA_DIR/postmaster.pid" || true
}

stop_pid() { # pid signal seconds
    local pid="$1" sig="$2" secs="$3"
    kill -0 "$pid" 2>/dev/null || return 0
    kill "-$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 1 $(( secs * 10 ))); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    local pg
    pg="$(postmaster_pid)"
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        log "stopping the server (pid $SERVER_PID)"
        stop_pid "$SERVER_PID" TERM 15
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    # the JVM stops its PostgreSQL on a normal exit; if it did not, fast shutdown by pid
    for _ in $(seq 1 50); do
        [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null || break
        sleep 0.1
    done
    if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null; then
        log "stopping the embedded PostgreSQL (pid $pg)"
        stop_pid "$pg" INT 15
    fi
    if [ "${KEEP_LOG:-0}" = "1" ]; then
        mkdir -p "$OUT_DIR"
        cp -r "$WORK"/. "$OUT_DIR/" 2>/dev/null || true
        log "logs kept in $OUT_DIR"
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
        return
    fi
    local p
    for p in $(seq 18080 18180); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
    die "no free port in 18080-18180"
}

PORT="$(free_port)"
BASE="http://$HOST:$PORT"

JFR_OPT=""
if [ "${JFR:-0}" = "1" ]; then
    mkdir -p "$OUT_DIR"
    JFR_OPT="-XX:StartFlightRecording=filename=$OUT_DIR/load-test.jfr,settings=${JFR_SETTINGS:-profile},dumponexit=true"
    log "JFR recording to $OUT_DIR/load-test.jfr"
fi

log "starting the server on $BASE (heap $HEAP)"
# shellcheck disable=SC2086  # JAVA_OPTS and JFR_OPT are word lists on purpose
PORT="$PORT" STRAITCHECK_DATA_DIR="$DATA_DIR" java -Xms"$HEAP" -Xmx"$HEAP" $JFR_OPT $JAVA_OPTS \
    -Djava.net.preferIPv4Stack=true -Dmicronaut.server.host="$HOST" \
    -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

for i in $(seq 1 240); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        tail -n 40 "$WORK/server.log" >&2 || true
        die "the server exited during start-up"
    fi
    if curl -fsS --max-time 2 "$BASE/api/ping" >/dev/null 2>&1; then
        log "server up after ~$(( i / 2 )) s"
        break
    fi
    if [ "$i" -eq 240 ]; then
        tail -n 40 "$WORK/server.log" >&2 || true
        die "the server did not answer /api/ping within 120 s"
    fi
    sleep 0.5
done

# refuse to go on if the server or its database is reachable on anything but loopback
if command -v ss >/dev/null 2>&1; then
    listen="$(ss -Hltn "sport = :$PORT" 2>/dev/null | awk '{print $4}' | sort -u | tr '\n' ' ' || true)"
    [ -n "$listen" ] || die "nothing listens on port $PORT"
    pg="$(postmaster_pid)"
    if [ -n "$pg" ]; then
        listen="$listen $(ss -Hltnp 2>/dev/null | grep "pid=$pg," | awk '{print $4}' | sort -u | tr '\n' ' ' || true)"
    fi
    for addr in $listen; do
        case "$addr" in
            127.*:* | "[::1]:"* | "[::ffff:127."*) ;;
            *) die "the server (or its database) listens on $addr; loopback only" ;;
        esac
    done
    log "listening on: $listen"
fi

# --- every body must be accepted (200) -------------------------------------------------------
log "checking each body with curl (asOf=$AS_OF)"
for f in "${BODY_FILES[@]}"; do
    out="$WORK/curl.out"
    code="$(curl -sS --max-time 30 -o "$out" -w '%{http_code}' \
        -H 'Content-Type: application/json' --data-binary "@$f" \
        "$BASE/api/checks?asOf=$AS_OF")" || die "curl failed for $(basename "$f")"
    if [ "$code" != "200" ]; then
        cat "$out" >&2 || true
        echo >&2
        die "$(basename "$f") returned HTTP $code, expected 200"
    fi
    verdict="$(grep -o '"verdict":"[A-Z_]*"' "$out" | head -n1 | cut -d'"' -f4 || true)"
    findings="$(grep -o '"ruleId":"[^"]*"' "$out" | cut -d'"' -f4 | tr '\n' ' ' || true)"
    log "  $(basename "$f"): 200 ${verdict:-?} [${findings% }]"
done

# --- wrk Lua: rotate through the bodies ------------------------------------------------------
LUA="$WORK/checks.lua"
{
    echo 'local files = {'
    for f in "${BODY_FILES[@]}"; do
        printf '  [==[%s]==],\n' "$f"
    done
    echo '}'
    cat <<LUA
local bodies = {}
for i, path in ipairs(files) do
  local fh = assert(io.open(path, "rb"))
  bodies[i] = fh:read("*a")
  fh:close()
end
local path = "/api/checks?asOf=$AS_OF"
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
local requests = {}
for i, body in ipairs(bodies) do
  requests[i] = wrk.format("POST", path, headers, body)
end
local n = 0
function init(args)
  -- start each wrk thread at a different body
  n = math.random(#requests) - 1
end
function request()
  n = n % #requests + 1
  return requests[n]
end
LUA
} >"$LUA"

WRK_TIMEOUT_EXTRA=60
run_wrk() { # name duration out-file [wrk args...]
    local name="$1" dur="$2" outfile="$3"
    shift 3
    local limit=$(( $(seconds_of "$dur") + WRK_TIMEOUT_EXTRA ))
    log "wrk $name: -t$THREADS -c$CONNECTIONS -d$dur"
    timeout "$limit" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$dur" --latency "$@" >"$outfile" 2>&1 \
        || { cat "$outfile" >&2; die "wrk ($name) failed or overran ${limit} s"; }
}

# --- warm-up, then measure -------------------------------------------------------------------
if [ "$(seconds_of "$WARMUP_PING")" -gt 0 ]; then
    run_wrk "warm-up ping" "$WARMUP_PING" "$WORK/warmup-ping.txt" "$BASE/api/ping"
fi
if [ "$(seconds_of "$WARMUP_CHECK")" -gt 0 ]; then
    run_wrk "warm-up check" "$WARMUP_CHECK" "$WORK/warmup-check.txt" -s "$LUA" "$BASE"
fi
run_wrk "ping" "$DURATION" "$WORK/wrk-ping.txt" "$BASE/api/ping"
run_wrk "check" "$DURATION" "$WORK/wrk-check.txt" -s "$LUA" "$BASE"

for name in ping check; do
    echo "----- wrk $name -----"
    cat "$WORK/wrk-$name.txt"
done

# --- parse -----------------------------------------------------------------------------------
# latency in ms from a wrk figure such as 512.00us, 1.23ms, 1.02s, 2.00m
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n = n / 1000; else if (u == "s") n = n * 1000; else if (u == "m") n = n * 60000
        printf "%.2f", n }'
}
rps_of() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
pct_of() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
non2xx_of() { awk '/Non-2xx or 3xx responses:/ {print $NF}' "$1"; }
socket_errors_of() { awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$1"; }

PING_RPS="$(rps_of "$WORK/wrk-ping.txt")"
CHECK_RPS="$(rps_of "$WORK/wrk-check.txt")"
[ -n "$PING_RPS" ] && [ -n "$CHECK_RPS" ] || die "could not read Requests/sec from wrk"
PING_P50="$(to_ms "$(pct_of "$WORK/wrk-ping.txt" 50%)")"
PING_P99="$(to_ms "$(pct_of "$WORK/wrk-ping.txt" 99%)")"
CHECK_P50="$(to_ms "$(pct_of "$WORK/wrk-check.txt" 50%)")"
CHECK_P99="$(to_ms "$(pct_of "$WORK/wrk-check.txt" 99%)")"
RATIO="$(awk -v c="$CHECK_RPS" -v p="$PING_RPS" 'BEGIN {printf "%.2f", c / p}')"

BAD=0
for name in ping check; do
    n="$(non2xx_of "$WORK/wrk-$name.txt")"
    e="$(socket_errors_of "$WORK/wrk-$name.txt")"
    if [ -n "$n" ] && [ "$n" != "0" ]; then log "WARNING: $name had $n non-2xx responses"; BAD=1; fi
    if [ -n "$e" ] && [ "$e" != "0" ]; then log "WARNING: $name had $e socket errors"; BAD=1; fi
done

verdict_ge() { awk -v a="$1" -v b="$2" 'BEGIN {print (a + 0 >= b + 0) ? "met" : "MISSED"}'; }
verdict_le() { awk -v a="$1" -v b="$2" 'BEGIN {print (a + 0 <= b + 0) ? "met" : "MISSED"}'; }
T_RPS="$(verdict_ge "$CHECK_RPS" "$TARGET_CHECK_RPS")"
T_P99="$(verdict_le "$CHECK_P99" "$TARGET_CHECK_P99_MS")"
T_RATIO="$(verdict_ge "$RATIO" "$TARGET_RATIO")"

echo
echo "===== StraitCheck HTTP load test ====="
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (warm-up: ping $WARMUP_PING, check $WARMUP_CHECK), $BASE, heap $HEAP,"
echo "$(nproc) cores shared by wrk and the server; check bodies: $(for f in "${BODY_FILES[@]}"; do basename "$f" .json; done | paste -sd' ')"
echo
printf '%-28s %12s %10s %10s\n' "endpoint" "requests/s" "p50 ms" "p99 ms"
printf '%-28s %12.0f %10s %10s\n' "GET /api/ping" "$PING_RPS" "$PING_P50" "$PING_P99"
printf '%-28s %12.0f %10s %10s\n' "POST /api/checks" "$CHECK_RPS" "$CHECK_P50" "$CHECK_P99"
printf '%-28s %12s\n' "ratio check/ping" "$RATIO"
echo
printf '%-44s %-14s %s\n' "target" "measured" "result"
printf '%-44s %-14s %s\n' "check >= $TARGET_CHECK_RPS requests/s" "$(printf '%.0f' "$CHECK_RPS")" "$T_RPS"
printf '%-44s %-14s %s\n' "check p99 <= $TARGET_CHECK_P99_MS ms" "$CHECK_P99 ms" "$T_P99"
printf '%-44s %-14s %s\n' "check/ping >= $TARGET_RATIO" "$RATIO" "$T_RATIO"
if [ "$BAD" -ne 0 ]; then
    echo "NOTE: errors or non-2xx responses during the run (see warnings above); figures are suspect."
fi

if [ "$BAD" -ne 0 ]; then exit 1; fi
if [ "$T_RPS" = met ] && [ "$T_P99" = met ] && [ "$T_RATIO" = met ]; then exit 0; fi
exit 3
