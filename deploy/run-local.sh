#!/usr/bin/env bash
# Starts the whole mall on this machine: the dev stack (MySQL, Redis, RocketMQ, WeChat sandbox), the four services and
# the gateway, each its own process, with demo data. Ctrl-C stops all of it. Logs: deploy/logs/.
# Like an orchestrator, it restarts a service or the gateway that dies (the others keep running); only the dev stack
# dying stops the mall, since everything stands on it.
# Uses the MySQL on 127.0.0.1:3306 and the Redis on 127.0.0.1:6379 when they answer, embedded ones otherwise.
# Knobs (environment): MYSQL_HOST/PORT/USER/PASSWORD, REDIS_HOST/PORT, ROCKETMQ_NAMESRV, JAVA_OPTS,
# WECHAT_SANDBOX_AUTOPAY (true), RATE_LIMIT_PER_MEMBER, RATE_LIMIT_PER_IP, SKIP_BUILD=1, HEALTH_TIMEOUT (300 s per
# process), and see README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUN_DIR="$ROOT/deploy/.run"
LOG_DIR="$ROOT/deploy/logs"
mkdir -p "$RUN_DIR" "$LOG_DIR"
VERSION=0.1.0-SNAPSHOT
# C1 only (TieredStopAtLevel=1): six JVMs on a small machine spend more on C2 compiling a path than it returns in the
# minutes that matter (measured: healthy in 48 s instead of 81, an order cycle 111 CPU ms instead of 194); a long-running
# production pod keeps the default tiered compilation.
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=192m -Xss512k}"
# glibc gives each thread that mallocs its own 64 MB arena; a JVM's allocations are few and JVM-managed, so two arenas
# cost nothing measurable and keep each process's resident memory smaller.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
SERVICES=(product-service order-service member-service promotion-service insight-service)
declare -A PORTS=([product-service]=8081 [order-service]=8082 [member-service]=8083 [promotion-service]=8084 [insight-service]=8085 [mall-gateway]=8080)
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-300}"
PIDS=()
declare -A PID_OF=()
declare -A RESTARTS=()
START=$(date +%s)

say() { printf '[run-local %3ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }

stop_all() {
  trap - INT TERM EXIT
  # the processes as they are now (restarted ones have new pids): gateway and services first, the dev stack last
  PIDS=()
  [[ -n "${PID_OF[devstack]:-}" ]] && PIDS+=("${PID_OF[devstack]}")
  for name in "${SERVICES[@]}" mall-gateway; do [[ -n "${PID_OF[$name]:-}" ]] && PIDS+=("${PID_OF[$name]}"); done
  if ((${#PIDS[@]})); then
    say "stopping..."
    # services and gateway first, the dev stack last
    for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    done
    say "stopped"
  fi
}
# a signal stops everything and ends the script (the supervising loop below must not restart what stop_all stopped)
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

for name in mall-gateway "${SERVICES[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/${PORTS[$name]}") 2>/dev/null; then
    echo "Port ${PORTS[$name]} ($name) is already in use; is the mall already running?" >&2
    exit 1
  fi
done

needs_build() {
  [[ "${SKIP_BUILD:-}" == 1 ]] && return 1
  local jar
  for jar in deploy/devstack/target/runtime-classpath.txt mall-gateway/target/mall-gateway-$VERSION-exec.jar \
             $(for s in "${SERVICES[@]}"; do echo "$s/target/$s-$VERSION-exec.jar"; done); do
    [[ -f "$jar" ]] || return 0
    [[ -n "$(find . \( -path ./deploy/.run -o -path '*/target' -o -path '*/node_modules' -o -path ./merchant-console/dist \) -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name '*.properties' -o -name pom.xml \
              -o -name '*.vue' -o -name '*.ts' -o -name 'package*.json' -o -name index.html \) -newer "$jar" -print -quit)" ]] && return 0
  done
  return 1
}

if needs_build; then
  say "building (./mvnw package, tests skipped)..."
  ./mvnw -q -DskipTests package -pl deploy/devstack,mall-gateway,product-service,order-service,member-service,promotion-service,insight-service -am
fi

say "starting the dev stack..."
rm -f "$RUN_DIR/devstack.properties"
# emptied here, not by the background redirection: the readiness check below must never read the last run's log
: >"$LOG_DIR/devstack.log"
# the broker keeps its store across restarts: pending timers (unpaid-order timeouts) survive a stop and start
WECHAT_SANDBOX_AUTOPAY="${WECHAT_SANDBOX_AUTOPAY:-true}" DEVSTACK_HOME="$RUN_DIR/devstack" DEVSTACK_KEEP_BROKER_STORE=true \
  java -Xms32m -Xmx384m -XX:+UseSerialGC -Drocketmq.client.rebalance.waitInterval=1000 \
  -cp "deploy/devstack/target/classes:$(cat deploy/devstack/target/runtime-classpath.txt)" \
  com.siyumall.devstack.DevStackMain "$RUN_DIR/devstack.properties" >"$LOG_DIR/devstack.log" 2>&1 &
PID_OF[devstack]=$!
for _ in $(seq 1 240); do
  grep -q "DEVSTACK READY" "$LOG_DIR/devstack.log" 2>/dev/null && break
  kill -0 "${PID_OF[devstack]}" 2>/dev/null || { tail -40 "$LOG_DIR/devstack.log"; echo "The dev stack failed to start" >&2; exit 1; }
  sleep 0.5
done
grep -q "DEVSTACK READY" "$LOG_DIR/devstack.log" || { echo "The dev stack did not become ready in 120 s" >&2; exit 1; }
say "$(grep -o 'DEVSTACK READY.*' "$LOG_DIR/devstack.log")"

start_app() {
  local name=$1 extra=()
  [[ "$name" == mall-gateway ]] && extra=(--RATE_LIMIT_PER_MEMBER="${RATE_LIMIT_PER_MEMBER:-20}" --RATE_LIMIT_PER_IP="${RATE_LIMIT_PER_IP:-1000}")
  # the analytical store lives with the rest of the mall's local state, and outlives a restart
  [[ "$name" == insight-service ]] && extra=(--siyumall.insight.store-path="${INSIGHT_STORE_PATH:-$RUN_DIR/insight.duckdb}")
  # a restarted process appends to its log, so the reason it died stays readable
  java $JAVA_OPTS -jar "$name/target/$name-$VERSION-exec.jar" \
    --spring.config.import="optional:file:$RUN_DIR/devstack.properties" \
    --spring.profiles.active=demo \
    --logging.structured.format.console=ecs \
    "${extra[@]}" >>"$LOG_DIR/$name.log" 2>&1 &
  PID_OF[$name]=$!
}

for s in "${SERVICES[@]}" mall-gateway; do
  say "starting $s on ${PORTS[$s]}..."
  : >"$LOG_DIR/$s.log"
  start_app "$s"
done

# plain bash HTTP, so a machine with only a JDK needs no curl
http_get() {
  local port=$1 path=$2
  { exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3 && timeout 5 cat <&3; exec 3>&-; } 2>/dev/null || true
}

wait_healthy() {
  local name=$1 port=${PORTS[$1]}
  for _ in $(seq 1 $((HEALTH_TIMEOUT * 2))); do
    if http_get "$port" /actuator/health | grep -q '"UP"'; then
      say "$name is UP"
      return 0
    fi
    sleep 0.5
  done
  tail -60 "$LOG_DIR/$name.log"
  echo "$name did not become healthy in $HEALTH_TIMEOUT s; see $LOG_DIR/$name.log" >&2
  exit 1
}
for name in "${SERVICES[@]}" mall-gateway; do wait_healthy "$name"; done

cat <<MSG

SiyuMall is up in $(( $(date +%s) - START )) s.
  Gateway         http://localhost:8080        (health: /actuator/health)
  Swagger UI      http://localhost:8080/swagger-ui.html
  WeChat sandbox  $(grep -o 'sandbox=[^ ]*' "$LOG_DIR/devstack.log" | head -1 | cut -d= -f2)   (auto-pay ${WECHAT_SANDBOX_AUTOPAY:-true})
  Services        product :8081  order :8082  member :8083  promotion :8084  insight :8085
  Logs            deploy/logs/
  Demo data       34 products in 4 categories; merchant console merchant/merchant123; guides guide1..guide3/guide123;
                  shopper login codes demo-<anyname> (each code once; demo-<name>.<anything> for the same user again)
  Try             curl http://localhost:8080/api/categories
Press Ctrl-C to stop everything.
MSG

# Supervise: a service or the gateway that exits is started again (after a pause that grows with repeated crashes, up
# to 30 s), the rest keep serving; the dev stack exiting ends the mall.
while sleep 2; do
  if ! kill -0 "${PID_OF[devstack]}" 2>/dev/null; then
    say "the dev stack exited (see $LOG_DIR/devstack.log); stopping the mall"
    exit 1
  fi
  for name in "${SERVICES[@]}" mall-gateway; do
    if ! kill -0 "${PID_OF[$name]}" 2>/dev/null; then
      wait "${PID_OF[$name]}" 2>/dev/null && code=0 || code=$?
      restarts=$(( ${RESTARTS[$name]:-0} + 1 ))
      RESTARTS[$name]=$restarts
      pause=$(( restarts * 2 > 30 ? 30 : restarts * 2 ))
      say "$name exited (code $code, restart #$restarts); starting it again in ${pause}s — see $LOG_DIR/$name.log"
      sleep "$pause"
      start_app "$name"
      say "$name restarted as pid ${PID_OF[$name]}"
    fi
  done
done
