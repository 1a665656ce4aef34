#!/usr/bin/env bash
# Start-up benchmark: launches TrueNorth the way people do (./truenorth start) N times and reports, per
# run and as medians, the wall time from launch to the first successful GET /healthz, the CPU time the
# JVM used until then, and its resident memory (VmRSS from /proc) right after that first response.
#
#   bench/startup.sh [runs]            default 7 runs, port 18300, a throwaway data folder
#
# Environment:
#   BENCH_PORT=N        port to use (default 18300)
#   BENCH_CMD="..."     what to launch instead of ./truenorth start (it must exec the JVM, so that its pid
#                       is the JVM's), e.g. BENCH_CMD="java -jar target/truenorth.jar" for the bare jar
#   TRUENORTH_JAVA_OPTS extra JVM options, passed on by ./truenorth start (for trying flags)
# The first launch builds the jar if the sources changed, prepares the launcher's start-up cache if the
# jar changed, and creates the schema in the fresh folder; it is a warm-up and not counted, so the
# figures are for an ordinary restart (as after an upgrade without new migrations).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-7}
PORT=${BENCH_PORT:-18300}
DATA=$(mktemp -d "${TMPDIR:-/tmp}/truenorth-bench-startup.XXXXXX")
LOG="$DATA/server.log"
CLK_TCK=$(getconf CLK_TCK)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT


now_ms() { date +%s%3N; }

one_run() {
  local start end code
  start=$(now_ms)
  if [ -n "${BENCH_CMD:-}" ]; then
    TRUENORTH_PORT=$PORT TRUENORTH_DATA=$DATA/db $BENCH_CMD >"$LOG" 2>&1 &
  else
    ./truenorth start --port "$PORT" --data "$DATA/db" >"$LOG" 2>&1 &
  fi
  pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/healthz" || true)
    [ "$code" = 200 ] && break
    if ! kill -0 "$pid" 2>/dev/null; then echo "server exited; log:" >&2; cat "$LOG" >&2; exit 1; fi
    sleep 0.02
  done
  end=$(now_ms)
  local rss cpu
  rss=$(awk '/^VmRSS:/ {print int($2/1024)}' "/proc/$pid/status")
  cpu=$(awk -v t="$CLK_TCK" '{printf "%.1f", ($14+$15)/t}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo "$((end - start)) $rss $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%d\n", (a[NR/2]+a[NR/2+1])/2}'; }
median_f() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: ${BENCH_CMD:-./truenorth start} ${TRUENORTH_JAVA_OPTS:+(TRUENORTH_JAVA_OPTS=$TRUENORTH_JAVA_OPTS)}"
one_run >/dev/null   # warm-up: creates the schema in the fresh folder
results=()
printf '%-5s %12s %9s %9s\n' run first-ok-ms rss-mb cpu-s
for i in $(seq 1 "$RUNS"); do
  r=$(one_run)
  results+=("$r")
  read -r ms rss cpu <<<"$r"
  printf '%-5s %12s %9s %9s\n' "$i" "$ms" "$rss" "$cpu"
done
ms=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | median)
rss=$(printf '%s\n' "${results[@]}" | awk '{print $2}' | median)
cpu=$(printf '%s\n' "${results[@]}" | awk '{print $3}' | median_f)
printf 'median: %s ms to first response, %s MB resident, %s s CPU   (targets: <= 4000 ms, <= 300 MB)\n' "$ms" "$rss" "$cpu"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
