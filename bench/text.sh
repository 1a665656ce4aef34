#!/usr/bin/env bash
# Text engine benchmark (targets: top-10 among 10,000 documents of one workspace in an index of 100,000
# p99 ≤ 5 ms, the query's embedding reported apart, beside bare BM25 and a brute-force dot product;
# embedding throughput ≥ 80 % of the model's own batch rate; model load ≤ 2 s; rebuild of 100,000
# documents from stored vectors ≤ 30 s). Plain Java, no server; prints medians of repeated rounds.
#
#   bench/text.sh [documents]            # default 100000
#   TRUENORTH_TEXT_MODEL=all-minilm-l6-v2-q bench/text.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q test-compile
CP=$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
exec "$JAVA_HOME/bin/java" -Xmx3g -Dtruenorth.text.model="${TRUENORTH_TEXT_MODEL:-}" --enable-native-access=ALL-UNNAMED \
    -cp "target/test-classes:target/classes:$CP" app.truenorth.text.TextBench "$@"
