#!/usr/bin/env bash
# The cost ledger: throughput, latency and CPU ms per operation of every process of a running mall.
# Start the mall first with its rate limits lifted:
#   RATE_LIMIT_PER_MEMBER=100000 RATE_LIMIT_PER_IP=100000 ./deploy/run-local.sh
# then: bench/cost-ledger.sh [-Dscenarios=detail,list,order-cycle,race,claim] [-Dusers=32] [-Dseconds=20] [-Dwarmup=5]
# The table is printed and written to bench/target/cost-ledger-<time>.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ ! -f bench/target/ledger-classpath.txt || -n "$(find bench/src -newer bench/target/ledger-classpath.txt -print -quit)" ]]; then
  ./mvnw -q -pl bench -am -DskipTests install >/dev/null
  ./mvnw -q -pl bench test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/ledger-classpath.txt >/dev/null
fi
cd bench
exec java -Xmx512m -XX:+UseSerialGC "$@" -cp "target/test-classes:$(cat target/ledger-classpath.txt)" com.siyumall.bench.ledger.CostLedger
