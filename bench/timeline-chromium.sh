#!/usr/bin/env bash
# Timeline load benchmark (issue 4: "the timeline of 5,000 initiatives loads in Chromium in <= 2 s").
# Starts TrueNorth (./truenorth start, which builds the jar if needed) on a fresh data folder, creates
# the owner through the setup page, signs in and creates an API token through the account page, then
# runs app.truenorth.roadmap.bench.TimelineChromiumBench: it fills one product's roadmap through the
# REST API (5,000 initiatives over 8 themes and 12 teams with dates, about 1.5 dependencies each) and
# loads /products/{id}/roadmap/timeline in Debian's headless Chromium (Playwright for Java) several
# times, printing navigation start -> load event, largest contentful paint and the server time per run
# and their medians.
#
#   bench/timeline-chromium.sh [initiatives] [runs]     default 5000 initiatives, 7 measured runs
#
# Environment: BENCH_PORT (default 19110), TRUENORTH_DB_URL/USER/PASSWORD for PostgreSQL.
# Needs /usr/bin/chromium; Playwright's own browsers are not downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
RUNS=${2:-7}
PORT=${BENCH_PORT:-19110}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/truenorth-bench-timeline.XXXXXX")
JAR_COOKIES="$WORK/cookies.txt"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -x /usr/bin/chromium ] || { echo "Chromium is needed at /usr/bin/chromium (apt-get install chromium)" >&2; exit 1; }
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

./mvnw -q test-compile
CP="target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"

./truenorth start --port "$PORT" --data "$WORK/db" >"$WORK/server.log" 2>&1 &
pid=$!
while :; do
  curl -sf -o /dev/null "$BASE/healthz" && break
  kill -0 "$pid" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done

csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1; }
get() { curl -sf -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE$1"; }
post() { local path=$1; shift; curl -sf -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$@" "$BASE$path"; }

email=owner@example.com; password=bench-password-1
token=$(get /setup | csrf)
[ -n "$token" ] || { echo "no setup page (is the data folder fresh?)" >&2; exit 1; }
post /setup -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "displayName=Bench Owner" \
  --data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "workspaceName=Bench"
token=$(get /login | csrf)
post /login -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "username=$email" --data-urlencode "password=$password"
token=$(get /account/tokens | csrf)
secret=$(post /account/tokens --data-urlencode "_csrf=$token" --data-urlencode "name=timeline bench" \
  | sed -n 's/.*id="token-secret"[^>]*value="\([^"]*\)".*/\1/p' | head -n1)
[ -n "$secret" ] || { echo "no API token from /account/tokens" >&2; exit 1; }
session=$(awk '$6 == "SESSION" {print $7}' "$JAR_COOKIES")
[ -n "$session" ] || { echo "no SESSION cookie after sign-in" >&2; exit 1; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "database: ${TRUENORTH_DB_URL:-embedded H2}; chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$CP" app.truenorth.roadmap.bench.TimelineChromiumBench "$BASE" "$secret" "$session" "$N" "$RUNS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
