#!/usr/bin/env bash
# Import benchmark: a generated 50,000-row Jira CSV imported through the same service the Import page
# and the API use (parse, validate every row against the roadmap's rules, write in one transaction).
#   bench/import.sh [rows] [runs]                       H2 file database under target/
#   TRUENORTH_DB_URL=jdbc:postgresql://127.0.0.1:5432/bench TRUENORTH_DB_USER=postgres bench/import.sh
# Results go in docs/benchmarks.md, section "Import".
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    app.truenorth.transfer.bench.JiraImportBench "${1:-50000}" "${2:-3}"
