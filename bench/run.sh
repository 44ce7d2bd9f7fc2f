#!/usr/bin/env bash
# Footfall's benchmark suite (see BENCHMARKS.md).
#
#   bench/run.sh [data|rebuild|ingest|pipeline|dashboard|footprint|all|smoke]...
#
# Several stages in one call share one Footfall, one results folder and one summary, e.g.
# "bench/run.sh dashboard ingest" after "bench/run.sh data" (which keeps the data set).
#
#   data       drop and reload the bench's database with the data set (10M page views over 30
#              days), then rebuild the read model from it (BENCH_RUNS times, timed)
#   rebuild    rebuild the read model again from the loaded data set, BENCH_RUNS times
#   ingest     /api/event with varied bodies vs a trivial endpoint (wrk)
#   pipeline   highest steady rate from 202 to the read model; delay from 202 to the Stats API
#   dashboard  dashboard page and Stats API latency, idle and under saturated ingest; naive SQL
#   footprint  start-to-ready, RSS under ingest load, read model size in Redis
#   all        data, dashboard, ingest, pipeline, footprint (the full run: about an hour or more)
#   smoke      all of it on a tiny data set in a minute or two, with a database, Redis, ports and
#              work folder of its own for this run (removed at the end); fails only when something
#              is broken, never because a target is missed
#
# Needs what the README's set-up needs (MySQL/MariaDB on 127.0.0.1:3306, Java 17) plus wrk,
# redis-server/redis-cli, the mysql client and curl. It starts its own Redis (port 6390), its
# own Footfall (port 8390, -Xmx512m, key prefix ffb) on database footfall_bench, and stops them
# at the end. Results go to bench/results/<time>/ (summary.txt, results.tsv, raw outputs).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
STAGES=("${@:-all}")
STAGE=$(IFS=+; echo "${STAGES[*]}")

# A port nothing listens on, from a range outside the kernel's ephemeral ports.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 12000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  echo "bench/run.sh: no free port found" >&2; exit 1
}

if [ "$STAGE" = smoke ]; then
  # tiny and separate: its own database, Redis, ports and folder for this run only, so that it
  # never touches the full data set and two smoke runs (CI and someone's) can run side by side
  SMOKE_ID=$$
  BENCH_PORT=${BENCH_SMOKE_PORT:-$(free_port)}
  BENCH_REDIS_PORT=${BENCH_SMOKE_REDIS_PORT:-$(free_port)}
  while [ "$BENCH_REDIS_PORT" = "$BENCH_PORT" ]; do BENCH_REDIS_PORT=$(free_port); done
  export BENCH_PORT BENCH_REDIS_PORT
  export BENCH_DB=footfall_bench_smoke_$SMOKE_ID BENCH_PREFIX=ffs BENCH_ROWS=20000 BENCH_CHUNK=10000 BENCH_RUNS=1
  export BENCH_INGEST_SECONDS=2 BENCH_PIPELINE_SECONDS=4 BENCH_PIPELINE_STEP_SECONDS=3
  export BENCH_PIPELINE_RATES=500 BENCH_DASHBOARD_SECONDS=3 BENCH_NAIVE_RUNS=1 BENCH_NAIVE_TIMEOUT=60
  export BENCH_WRK_CONNECTIONS=8 BENCH_DRAIN_TIMEOUT=120 BENCH_REBUILD_TIMEOUT=120 BENCH_BUILD=${BENCH_BUILD:-auto}
fi

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
[ "$STAGE" = smoke ] && STATE="$BENCH_DIR/work/smoke-$SMOKE_ID"
for stage in data ingest pipeline dashboard footprint; do
  # shellcheck source=/dev/null
  source "$BENCH_DIR/stages/$stage.sh"
done

for stage in "${STAGES[@]}"; do
  case "$stage" in
    data|rebuild|ingest|pipeline|dashboard|footprint|all|smoke) ;;
    *) echo "usage: bench/run.sh [data|rebuild|ingest|pipeline|dashboard|footprint|all|smoke]..." >&2; exit 2 ;;
  esac
done
if [ "${#STAGES[@]}" -gt 1 ] && [[ " ${STAGES[*]} " =~ " "(all|smoke)" " ]]; then
  echo "bench/run.sh: all and smoke run alone" >&2; exit 2
fi
for tool in java javac curl wrk mysql redis-server redis-cli awk; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh needs $tool" >&2; exit 1; }
done

OUT=${BENCH_OUT:-$BENCH_DIR/results/$(date +%Y%m%d-%H%M%S)-$STAGE}
mkdir -p "$OUT" "$STATE"
: > "$OUT/results.tsv"

finish() {
  local status=$?
  jobs -p | xargs -r kill 2>/dev/null || true  # samplers and wrk this script started
  ff_stop
  redis_stop
  if [ -n "${SMOKE_ID:-}" ]; then  # the smoke run leaves nothing behind but its results
    "${MYSQL[@]}" -e "DROP DATABASE IF EXISTS \`$BENCH_DB\`" 2>/dev/null || true
    rm -rf "$STATE"
  fi
  load_snapshot "after"
  echo
  summary || true
  echo
  echo "results: $OUT   (machine: $OUT/machine.txt, other load: $OUT/machine-load.txt)"
  [ "$status" -eq 0 ] || echo "bench/run.sh $STAGE: BROKEN (exit $status); see the log above and $OUT/footfall.log" >&2
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

ensure_jar
compile_tools
machine
load_snapshot "before"
redis_start
"${MYSQL[@]}" -e "SELECT 1" > /dev/null || die "MySQL is not reachable as $BENCH_MYSQL_USER@$BENCH_MYSQL_HOST:$BENCH_MYSQL_PORT"
if [ "${STAGES[0]}" = all ] || [ "${STAGES[0]}" = smoke ]; then
  STAGES=(data dashboard ingest pipeline footprint)
fi
for stage in "${STAGES[@]}"; do
  [ "$stage" = data ] || ff_start  # data starts it on a fresh database itself
  "stage_$stage"
  load_snapshot "after $stage"
done
