#!/usr/bin/env bash
# Health-check benchmark: every health rule on generated roadmaps of 10,000 to 100,000 initiatives
# (targets: 10k ≤ 100 ms, 100k ≤ 1.2 s, near-linear). Plain Java, no server, no database; 10 warm-up
# rounds, then 21 measured rounds with the sizes taking turns. Prints median, best and worst per size.
#
#   bench/health.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q test-compile
CP=$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/test-classes:target/classes:$CP" app.truenorth.health.bench.HealthChecksBench
