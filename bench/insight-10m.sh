#!/usr/bin/env bash
# The data bank at 10 million events: loads a synthetic 60-day history of 200,000 members into a store file of its own
# (bench/target/insight-10m.duckdb, kept for the next run; -Dreload=true builds it again) and times every report of
# insight-service started in this JVM on the dev stack. Run it with the mall stopped: it starts its own dev stack.
#   bench/insight-10m.sh [-Dmembers=200000] [-Drepeat=5] [-DstoreMemory=512MB] [-Dreload=true]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ ! -f bench/target/ledger-classpath.txt || -n "$(find bench/src insight-service/src -newer bench/target/ledger-classpath.txt -print -quit)" ]]; then
  ./mvnw -q -pl bench -am -DskipTests install
  ./mvnw -q -pl bench test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/ledger-classpath.txt
fi
cd bench
exec java -Xmx1g -XX:+UseSerialGC "$@" -cp "target/test-classes:$(cat target/ledger-classpath.txt)" com.siyumall.bench.insight.TenMillionEvents
