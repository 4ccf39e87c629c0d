#!/usr/bin/env bash
# Time from `java -jar` to the first answer of /api/ping, on a fresh embedded database and on a
# second start of the same one. Usage: scripts/startup-time.sh [runs] (default 3). Needs the jar
# (./mvnw -q package -DskipTests; JAR=… for another build).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=${JAR:-app/target/straitcheck.jar}
port=${PORT:-18080}
first_answer() {
  local data=$1 start end pid
  start=$(date +%s%N)
  STRAITCHECK_DATA_DIR=$data PORT=$port MAIL_REMINDERS_ENABLED=false java -jar "$jar" >/dev/null 2>&1 &
  pid=$!
  # polled through bash's /dev/tcp, not curl: a process per poll would take CPU from the start it measures
  until (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /api/ping HTTP/1.0\r\n\r\n' >&3 && read -r status <&3 \
      && [[ $status == *" 200 "* ]]) 2>/dev/null; do
    if ! kill -0 $pid 2>/dev/null; then echo "the service died" >&2; return 1; fi
    sleep 0.02
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
for i in $(seq "$runs"); do
  data=$(mktemp -d)
  fresh=$(first_answer "$data/pg")
  again=$(first_answer "$data/pg")
  rm -rf "$data"
  echo "run $i: fresh database ${fresh} ms, existing database ${again} ms"
done
