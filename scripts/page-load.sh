#!/usr/bin/env bash
# Page speed of StraitCheck with many records: logs in as the demo school user and the demo
# reviewer (session cookies, as a browser holds them), then measures each page's p50 and p95 with
# wrk and prints them. Run it against a server filled by the seed command (docs/performance.md,
# "Pages with 100,000 records"):
#
#   java -jar app/target/straitcheck.jar seed --records=100000     # once, into ./data/postgres
#   java -jar app/target/straitcheck.jar                           # prints the demo accounts' passwords
#   SCHOOL_PASSWORD='…' REVIEWER_PASSWORD='…' scripts/page-load.sh
#
# Environment:
#   BASE               the running server (default http://127.0.0.1:8080)
#   SCHOOL_USER        default school-user@demo.straitcheck.tw     SCHOOL_PASSWORD   (required)
#   REVIEWER           default reviewer@demo.straitcheck.tw        REVIEWER_PASSWORD (required)
#   PAGES              the paths to measure, space-separated; {receipt} is a record of the demo school
#                      that the reviewer may read (default: the reviewer's queue, the school's records
#                      and a record page of each)
#   DURATION           measured wrk run per page (default 20s)   WARMUP  wrk warm-up per page (default 5s)
#   CONNECTIONS        wrk connections (default 4)               THREADS wrk threads (default 2)
#
# A path under /school/ is asked for with the school user's session, any other with the
# reviewer's. A path that does not answer 200 is reported and left out. Exit status: 0 when every
# page was measured, 3 when one was left out, anything else an error.
set -euo pipefail

BASE="${BASE:-http://127.0.0.1:8080}"
SCHOOL_USER="${SCHOOL_USER:-school-user@demo.straitcheck.tw}"
REVIEWER="${REVIEWER:-reviewer@demo.straitcheck.tw}"
DEFAULT_PAGES='/review /school/records /review/records/{receipt} /school/records/{receipt}'
PAGES="${PAGES:-$DEFAULT_PAGES}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-4}"
THREADS="${THREADS:-2}"

log() { printf '[page-load %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { printf '[page-load %s] ERROR: %s\n' "$(date +%T)" "$*" >&2; exit 1; }

[ -n "${SCHOOL_PASSWORD:-}" ] || die "SCHOOL_PASSWORD is required (the server prints the demo accounts' passwords at its first start)"
[ -n "${REVIEWER_PASSWORD:-}" ] || die "REVIEWER_PASSWORD is required"
command -v curl >/dev/null 2>&1 || die "curl is required"
if ! command -v wrk >/dev/null 2>&1; then
    log "wrk not found; installing it with apt-get"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    timeout 600 $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive timeout 600 $SUDO apt-get install -y wrk
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/straitcheck-pages.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
curl -fsS --max-time 20 -o /dev/null "$BASE/api/ping" || die "no server answers at $BASE"

# the session cookie of a login through the login page: its CSRF token first, then the form
session_of() { # username password
    local jar="$WORK/jar.$RANDOM" token code
    token="$(curl -sS --max-time 10 -c "$jar" "$BASE/login" | grep -o 'name="csrfToken" value="[^"]*"' | head -n1 | cut -d'"' -f4)"
    [ -n "$token" ] || die "no CSRF token on $BASE/login"
    code="$(curl -sS --max-time 10 -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
        --data-urlencode "username=$1" --data-urlencode "password=$2" --data-urlencode "csrfToken=$token" "$BASE/login")"
    [ "$code" = "303" ] || die "logging in as $1 answered $code, not 303 (wrong password, or the account is locked)"
    awk '$6 == "SESSION" {print $7}' "$jar" | tail -n1
}

SCHOOL_SESSION="$(session_of "$SCHOOL_USER" "$SCHOOL_PASSWORD")"
REVIEWER_SESSION="$(session_of "$REVIEWER" "$REVIEWER_PASSWORD")"
[ -n "$SCHOOL_SESSION" ] && [ -n "$REVIEWER_SESSION" ] || die "no SESSION cookie after logging in"
log "logged in as $SCHOOL_USER and $REVIEWER"

# a record of the demo school that is in review: the school and the reviewer may both read it
RECEIPT="$(curl -fsS --max-time 30 -H "Cookie: SESSION=$REVIEWER_SESSION" -H 'Accept: application/json' \
    "$BASE/api/review/queue?school=999999&status=IN_REVIEW&size=1" | grep -o '"receipt":"[^"]*"' | head -n1 | cut -d'"' -f4 || true)"
case "$PAGES" in
    *"{receipt}"*) [ -n "$RECEIPT" ] || die "no record of school 999999 in review: seed the database first" ;;
esac
log "record page receipt: ${RECEIPT:-none}"

# p50 and p95 from wrk's own latency histogram (wrk --latency prints no p95)
cat >"$WORK/percentiles.lua" <<'LUA'
function done(summary, latency, requests)
  io.write(string.format("PERCENTILES %.2f %.2f %d %d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, summary.requests, summary.errors.status))
end
LUA

printf '%-36s %10s %10s %10s %8s\n' "page" "p50 ms" "p95 ms" "requests" "non-2xx" >"$WORK/table"
MISSING=0
PLACEHOLDER='{receipt}'
for page in $PAGES; do
    path="${page//"$PLACEHOLDER"/$RECEIPT}"
    case "$path" in
        /school/*) cookie="SESSION=$SCHOOL_SESSION" ;;
        *) cookie="SESSION=$REVIEWER_SESSION" ;;
    esac
    code="$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path" || echo "no answer")"
    if [ "$code" != "200" ]; then
        log "$path answered $code: left out"
        printf '%-36s %10s\n' "$page" "($code)" >>"$WORK/table"
        MISSING=1
        continue
    fi
    log "wrk $path: warm-up $WARMUP, then -t$THREADS -c$CONNECTIONS -d$DURATION"
    timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: $cookie" "$BASE$path" >/dev/null
    timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: $cookie" -s "$WORK/percentiles.lua" \
        "$BASE$path" >"$WORK/wrk.out"
    read -r _ p50 p95 requests non2xx < <(grep '^PERCENTILES' "$WORK/wrk.out")
    printf '%-36s %10s %10s %10s %8s\n' "$page" "$p50" "$p95" "$requests" "$non2xx" >>"$WORK/table"
done

echo
echo "===== StraitCheck page speed ($BASE; wrk -t$THREADS -c$CONNECTIONS -d$DURATION after $WARMUP warm-up; $(nproc) cores) ====="
cat "$WORK/table"
exit $(( MISSING * 3 ))
