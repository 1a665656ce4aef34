#!/usr/bin/env bash
# Throughput benchmark: an authenticated page of the shell against the trivial public endpoint of the
# same server, in the same run. Starts TrueNorth (./truenorth start) on a fresh data folder, creates
# the owner through the setup page with curl, signs in, adds a few products, then runs wrk (loopback,
# 64 connections) against GET /healthz and GET /products (with the session cookie) in alternating
# rounds and prints requests/s per round, the medians and their ratio (target: /products >= 50 %).
#
#   bench/throughput.sh [rounds] [seconds]     default 5 rounds of 6 s per endpoint, after a warm-up
#
# Environment: BENCH_PORT (default 18310), BENCH_CONNECTIONS (64), BENCH_THREADS (2),
#   TRUENORTH_DB_URL/USER/PASSWORD to run against PostgreSQL instead of the embedded database,
#   TRUENORTH_JAVA_OPTS extra JVM options for the server.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
SECONDS_PER=${2:-6}
PORT=${BENCH_PORT:-18310}
CONN=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/truenorth-bench-throughput.XXXXXX")
JAR_COOKIES="$WORK/cookies.txt"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

./truenorth start --port "$PORT" --data "$WORK/db" >"$WORK/server.log" 2>&1 &
pid=$!
while :; do  # the first start after a change also builds the jar and its start-up cache
  curl -sf -o /dev/null "$BASE/healthz" && break
  kill -0 "$pid" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done

csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1; }
get() { curl -sf -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE$1"; }
post() { local path=$1; shift; curl -sf -o /dev/null -w '%{http_code} %{redirect_url}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$@" "$BASE$path"; }

email=owner@example.com; password=bench-password-1
token=$(get /setup | csrf)
[ -n "$token" ] || { echo "no setup page (is the data folder fresh?)" >&2; exit 1; }
post /setup --data-urlencode "_csrf=$token" --data-urlencode "displayName=Bench Owner" \
  --data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "workspaceName=Bench" >/dev/null
token=$(get /login | csrf)
result=$(post /login --data-urlencode "_csrf=$token" --data-urlencode "username=$email" --data-urlencode "password=$password")
case "$result" in *login*) echo "sign-in failed: $result" >&2; exit 1 ;; esac
for name in Atlas Beacon Compass Drift Ember; do
  token=$(get /products | csrf)
  # follow the redirect as a browser would, so the one-time confirmation is shown and leaves the session
  post /products -L --data-urlencode "_csrf=$token" --data-urlencode "name=$name" \
    --data-urlencode "description=A product for the benchmark" >/dev/null
done
session=$(awk '$6 == "SESSION" {print $7}' "$JAR_COOKIES")
[ -n "$session" ] || { echo "no SESSION cookie after sign-in" >&2; exit 1; }
page=$(curl -sf -H "Cookie: SESSION=$session" "$BASE/products")
grep -q Ember <<<"$page" || { echo "/products did not render the signed-in page" >&2; exit 1; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "database: ${TRUENORTH_DB_URL:-embedded H2}; /products page: $(wc -c <<<"$page") bytes; wrk -t$THREADS -c$CONN -d${SECONDS_PER}s"

# PostgreSQL's own CPU counts too when it runs on the same machine: the backends serving this
# server's connections (found by database name in pg_stat_activity; needs psql and a local server)
DB_NAME=""; PSQL=()
if [[ "${TRUENORTH_DB_URL:-}" == jdbc:postgresql://* ]] && command -v psql >/dev/null; then
  DB_NAME=$(sed -E 's#^jdbc:postgresql://[^/]*/([^?]*).*#\1#' <<<"$TRUENORTH_DB_URL")
  DB_HOST=$(sed -E 's#^jdbc:postgresql://([^:/]*).*#\1#' <<<"$TRUENORTH_DB_URL")
  PSQL=(env PGPASSWORD="${TRUENORTH_DB_PASSWORD:-}" psql -h "$DB_HOST" -U "${TRUENORTH_DB_USER:-postgres}" -d "$DB_NAME" -tAq)
fi
cpu_ticks() {  # JVM ticks, then PostgreSQL backend ticks (0 on H2)
  local db=0 p
  if [ -n "$DB_NAME" ]; then
    for p in $("${PSQL[@]}" -c "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()" 2>/dev/null); do
      [ -r "/proc/$p/stat" ] && db=$((db + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    done
  fi
  echo "$(awk '{print $14 + $15}' "/proc/$pid/stat") $db"
}
CLK_TCK=$(getconf CLK_TCK)
rate() {  # prints "requests/s server-CPU-µs-per-request database-CPU-µs-per-request"; fails on any non-2xx answer or socket error
  local out before after
  before=$(cpu_ticks)
  out=$(wrk -t"$THREADS" -c"$CONN" -d"$2" --timeout 10s "${@:3}" "$BASE$1")
  after=$(cpu_ticks)
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "errors during $1:" >&2; echo "$out" >&2; exit 1; fi
  awk -v b="${before% *}" -v a="${after% *}" -v db="${before#* }" -v da="${after#* }" -v t="$CLK_TCK" '/requests in/ {n=$1} /^Requests\/sec:/ {r=$2}
    END {printf "%d %d %d", r, (a-b)/t*1e6/n, (da-db)/t*1e6/n}' <<<"$out"
}
# warm-up: lets the JIT compile both paths before anything is counted
rate /healthz 5s >/dev/null
rate /products 5s -H "Cookie: SESSION=$session" >/dev/null

health=(); products=(); health_cpu=(); products_cpu=(); products_db=()
printf '%-6s %12s %12s %7s   %s\n' round healthz/s products/s ratio "server CPU per request: healthz, products${DB_NAME:+ (+ PostgreSQL backends)}"
for i in $(seq 1 "$ROUNDS"); do
  read -r h hc _ <<<"$(rate /healthz "${SECONDS_PER}s")"
  read -r p pc pd <<<"$(rate /products "${SECONDS_PER}s" -H "Cookie: SESSION=$session")"
  health+=("$h"); products+=("$p"); health_cpu+=("$hc"); products_cpu+=("$pc"); products_db+=("$pd")
  printf '%-6s %12s %12s %6.0f%%   %s µs, %s µs%s\n' "$i" "$h" "$p" "$(awk -v p="$p" -v h="$h" 'BEGIN {print 100*p/h}')" "$hc" "$pc" \
    "${DB_NAME:+ (+ $pd µs)}"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratios=(); for i in "${!health[@]}"; do ratios+=("$(awk -v p="${products[$i]}" -v h="${health[$i]}" 'BEGIN {print 100*p/h}')"); done
printf 'median: /healthz %.0f req/s, /products %.0f req/s; /products vs /healthz: %.0f%% (median of the rounds; target >= 50%%)\n' \
  "$(median "${health[@]}")" "$(median "${products[@]}")" "$(median "${ratios[@]}")"
printf 'server CPU per request (median): /healthz %.0f µs, /products %.0f µs\n' "$(median "${health_cpu[@]}")" "$(median "${products_cpu[@]}")"
[ -z "$DB_NAME" ] || printf 'PostgreSQL backend CPU per /products request (median): %.0f µs\n' "$(median "${products_db[@]}")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
