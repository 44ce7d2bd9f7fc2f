# Shared by bench/run.sh and the stages: configuration, a private Redis and Footfall, metrics,
# results. Sourced, not run. Everything listens on loopback; every wait is bounded.

# ---- configuration (every value can be overridden from the environment) -------------------
: "${BENCH_PORT:=8390}"                 # Footfall under test
: "${BENCH_REDIS_PORT:=6390}"           # the bench's own Redis, started and stopped here
: "${BENCH_DB:=footfall_bench}"         # the bench's own MySQL database (dropped by the data stage)
: "${BENCH_PREFIX:=ffb}"                # Redis key prefix
: "${BENCH_MYSQL_HOST:=127.0.0.1}"
: "${BENCH_MYSQL_PORT:=3306}"
: "${BENCH_MYSQL_USER:=root}"
: "${BENCH_MYSQL_PASSWORD:=}"
: "${BENCH_SITE:=bench.example}"        # the 10M-row site
: "${BENCH_TZ:=Europe/Berlin}"
: "${BENCH_INGEST_SITE:=ingest.bench}"  # ingest load goes here, never to the data set's site
: "${BENCH_PROBE_SITE:=probe.bench}"    # only the pipeline probe writes here
: "${BENCH_ROWS:=10000000}"
: "${BENCH_DAYS:=30}"
: "${BENCH_PATHS:=1000}"
: "${BENCH_VISITORS:=50000}"            # visitors a day
: "${BENCH_CHUNK:=500000}"              # rows per LOAD DATA
: "${BENCH_SEED:=20261129}"
: "${BENCH_RUNS:=3}"                    # every figure is the median of this many runs
: "${BENCH_WRK_THREADS:=1}"
: "${BENCH_WRK_CONNECTIONS:=64}"
: "${BENCH_INGEST_SECONDS:=20}"
: "${BENCH_PIPELINE_SECONDS:=60}"       # a steady rate must hold this long
: "${BENCH_PIPELINE_STEP_SECONDS:=20}"  # each step of the search for that rate
: "${BENCH_PIPELINE_RATES:=1000 2500 5000 7500 10000 12500 15000 20000 25000}"
: "${BENCH_DASHBOARD_SECONDS:=20}"      # per run, all URLs round-robin
: "${BENCH_REBUILD_RUNS:=$BENCH_RUNS}"   # rebuilds of the 10M set take minutes each
: "${BENCH_NAIVE_RUNS:=$BENCH_RUNS}"
: "${BENCH_NAIVE_TIMEOUT:=900}"         # seconds; a naive query stopped here counts as this long
: "${BENCH_DRAIN_TIMEOUT:=1200}"        # seconds to wait for the queue and projector to catch up
: "${BENCH_REBUILD_TIMEOUT:=3600}"
: "${BENCH_XMX:=512m}"
: "${BENCH_JAVA_OPTS:=}"
: "${BENCH_JFR:=}"                      # set to 1: record a JFR profile of Footfall per start
: "${BENCH_BUILD:=auto}"                # auto: build the jar when missing or older than the sources

BENCH_ADMIN_EMAIL=bench@footfall.test
BENCH_ADMIN_PASSWORD='footfall bench password'
BENCH_ADMIN_KEY=footfall-bench-admin-key-0123456789
BASE="http://127.0.0.1:$BENCH_PORT"
STATE="$BENCH_DIR/work"                 # Redis dump and the data set's marker (git-ignored)
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
MYSQL=(mysql -h"$BENCH_MYSQL_HOST" -P"$BENCH_MYSQL_PORT" -u"$BENCH_MYSQL_USER" ${BENCH_MYSQL_PASSWORD:+-p"$BENCH_MYSQL_PASSWORD"})
JDBC="jdbc:mysql://$BENCH_MYSQL_HOST:$BENCH_MYSQL_PORT/$BENCH_DB?user=$BENCH_MYSQL_USER&password=$BENCH_MYSQL_PASSWORD"
RCLI=(redis-cli -h 127.0.0.1 -p "$BENCH_REDIS_PORT")
FF_PID=""
FF_STARTS=0
REDIS_STARTED=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "BROKEN: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# ---- results ---------------------------------------------------------------------------------
# One row per figure: name, median, min, max, unit, target (">=N", "<=N" or "-"), note.
result() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "${7:-}" >> "$OUT/results.tsv"
  log "result: $1 = $2 $5 (min $3, max $4) target ${6}"
}

# median min max of the numbers given
stats() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {
    if (NR == 0) { print "nan nan nan"; exit }
    m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    printf "%.6g %.6g %.6g\n", m, v[1], v[NR] }'
}

calc() { awk "BEGIN { printf \"%.6g\", $* }"; }

# Prints the summary table of $OUT/results.tsv.
summary() {
  [ -s "$OUT/results.tsv" ] || return 0
  awk -F'\t' '
    function verdict(m, t,   op, v) {
      if (t == "-" || t == "") return "-"
      op = substr(t, 1, 2); v = substr(t, 3) + 0
      if (m ~ /nan/) return "n/a"
      if (op == ">=") return (m + 0 >= v) ? "met" : "MISSED"
      if (op == "<=") return (m + 0 <= v) ? "met" : "MISSED"
      return "?"
    }
    BEGIN { printf "%-46s %12s %12s %12s %-10s %-9s %-7s %s\n", "figure", "median", "min", "max", "unit", "target", "verdict", "note"
            printf "%s\n", "----------------------------------------------------------------------------------------------------------------------------" }
    { printf "%-46s %12s %12s %12s %-10s %-9s %-7s %s\n", $1, $2, $3, $4, $5, $6, verdict($2, $6), $7 }
  ' "$OUT/results.tsv" | tee "$OUT/summary.txt"
}

# ---- the machine -----------------------------------------------------------------------------
machine() {
  {
    echo "date: $(date -u +%FT%TZ)"
    echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB total, " $7 " MiB available"}')"
    echo "kernel: $(uname -sr)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "mysql: $("${MYSQL[@]}" -N -e 'SELECT VERSION()' 2>/dev/null), innodb_buffer_pool_size=$("${MYSQL[@]}" -N -e 'SELECT @@innodb_buffer_pool_size' 2>/dev/null)"
    echo "redis: $(redis-server --version | awk '{print $3}')"
    echo "wrk: $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
    echo "footfall: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with local changes)')"
  } > "$OUT/machine.txt"
}

# The other load on the machine, at a moment: recorded before and after each stage.
load_snapshot() {
  { echo "== $1: $(uptime)"; top -bn1 -w 200 | sed -n '7,14p'; } >> "$OUT/machine-load.txt"
}

# ---- build -----------------------------------------------------------------------------------
ensure_jar() {
  local stale=""
  if [ -f "$JAR" ]; then
    stale=$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -type f 2>/dev/null | head -1)
  fi
  if [ ! -f "$JAR" ] || { [ "$BENCH_BUILD" = auto ] && [ -n "$stale" ]; } || [ "$BENCH_BUILD" = always ]; then
    log "building Footfall (./mvnw -B -q package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "the build failed"
  fi
}

# ---- the bench's own Redis -------------------------------------------------------------------
redis_start() {
  mkdir -p "$STATE"
  if "${RCLI[@]}" ping 2>/dev/null | grep -q -e PONG -e LOADING; then
    [ -f "$STATE/redis.pid" ] && [ "$(cat "$STATE/redis.pid")" = "$("${RCLI[@]}" info server | tr -d '\r' | awk -F: '$1=="process_id"{print $2}')" ] \
      || die "port $BENCH_REDIS_PORT is taken by a Redis the bench did not start; set BENCH_REDIS_PORT"
    log "reusing the bench's Redis left running by an earlier run (pid $(cat "$STATE/redis.pid"))"
  else
    # no periodic saves; the read model is saved once when the bench stops, so stages can run apart
    redis-server --bind 127.0.0.1 --port "$BENCH_REDIS_PORT" --save "" --appendonly no --dir "$STATE" \
      --dbfilename bench.rdb --daemonize yes --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log" \
      || die "could not start redis-server on port $BENCH_REDIS_PORT"
  fi
  # PONG only once the saved data set is loaded (before that: -LOADING, with exit status 0)
  for _ in $(seq 1 1200); do [ "$("${RCLI[@]}" ping 2>/dev/null)" = PONG ] && break; sleep 0.1; done
  [ "$("${RCLI[@]}" ping 2>/dev/null)" = PONG ] || die "the bench's Redis did not come up"
  REDIS_STARTED=1
}

redis_stop() {
  [ -n "$REDIS_STARTED" ] || return 0
  local pid; pid=$(cat "$STATE/redis.pid" 2>/dev/null || true)
  # only the Redis this run started: the one on the port must have the pid it wrote
  if [ -n "$pid" ] && [ "$pid" = "$("${RCLI[@]}" info server 2>/dev/null | tr -d '\r' | awk -F: '$1=="process_id"{print $2}')" ]; then
    "${RCLI[@]}" shutdown save >/dev/null 2>&1 || true
  fi
  for _ in $(seq 1 300); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  REDIS_STARTED=""
}

redis_used_mb() { "${RCLI[@]}" info memory | tr -d '\r' | awk -F: '$1=="used_memory"{printf "%.1f", $2/1048576}'; }

# Sum of MEMORY USAGE over the keys of the live read-model generation of the data set's site.
read_model_mb() {
  local generation; generation=$("${RCLI[@]}" hget "$BENCH_PREFIX:readmodel" current)
  "${RCLI[@]}" --scan --pattern "$BENCH_PREFIX:{$BENCH_SITE}:g${generation:-1}:*" \
    | sed 's/^/MEMORY USAGE "/; s/$/" SAMPLES 0/' | "${RCLI[@]}" | awk '{s += $1; n++} END {printf "%.1f %d\n", s/1048576, n}'
}

# ---- Footfall under test ---------------------------------------------------------------------
ff_running() { [ -n "$FF_PID" ] && kill -0 "$FF_PID" 2>/dev/null; }

# Starts Footfall and sets READY_MS: milliseconds from launch until /q/health/ready answers 200
# (MySQL and Redis reachable, the site list loaded). Not to be called in $(...): it sets FF_PID.
ff_start() {
  READY_MS=""
  ff_running && return 0
  if curl -s -o /dev/null --max-time 1 "$BASE/q/health/live"; then
    die "port $BENCH_PORT is taken by something the bench did not start; set BENCH_PORT"
  fi
  FF_STARTS=$((FF_STARTS + 1))
  local jfr=()
  [ -n "$BENCH_JFR" ] && jfr=("-XX:StartFlightRecording=filename=$OUT/footfall-$FF_STARTS.jfr,settings=profile,dumponexit=true")
  local t0; t0=$(now_ms)
  # shellcheck disable=SC2086
  java -Xmx"$BENCH_XMX" "${jfr[@]}" $BENCH_JAVA_OPTS \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$BENCH_PORT" \
    "-Dquarkus.datasource.jdbc.url=jdbc:mysql://$BENCH_MYSQL_HOST:$BENCH_MYSQL_PORT/$BENCH_DB?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8&connectTimeout=2000&socketTimeout=30000" \
    -Dquarkus.datasource.username="$BENCH_MYSQL_USER" -Dquarkus.datasource.password="$BENCH_MYSQL_PASSWORD" \
    -Dquarkus.redis.hosts="redis://127.0.0.1:$BENCH_REDIS_PORT" -Dfootfall.key-prefix="$BENCH_PREFIX" \
    -Dfootfall.admin.email="$BENCH_ADMIN_EMAIL" "-Dfootfall.admin.password=$BENCH_ADMIN_PASSWORD" \
    -Dfootfall.admin.api-key="$BENCH_ADMIN_KEY" \
    -Dfootfall.session.secret=footfall-bench-session-secret-0123456789 \
    -jar "$JAR" >> "$OUT/footfall.log" 2>&1 &
  FF_PID=$!
  local code="" deadline=$(( t0 + 120000 ))
  for _ in $(seq 1 2400); do
    [ "$(now_ms)" -lt "$deadline" ] || break
    if ! ff_running; then
      # a start can fail when the machine is overloaded (e.g. a 3 s JDBC acquisition timeout): once more
      [ -z "${FF_RETRYING:-}" ] || die "Footfall exited while starting, twice; see $OUT/footfall.log"
      log "Footfall exited while starting ($(grep -m1 -o 'Caused by: [^:]*: [^:]*' "$OUT/footfall.log" | tail -1)); starting it once more"
      FF_PID=""; FF_RETRYING=1 ff_start; return 0
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/q/health/ready" || true)
    [ "$code" = 200 ] && break
    sleep 0.05
  done
  [ "$code" = 200 ] || die "Footfall was not ready within two minutes; see $OUT/footfall.log"
  READY_MS=$(( $(now_ms) - t0 ))
  log "Footfall ready in $READY_MS ms (pid $FF_PID)"
}

ff_stop() {
  ff_running || { FF_PID=""; return 0; }
  kill "$FF_PID" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$FF_PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$FF_PID" 2>/dev/null && { log "Footfall did not stop in 30 s; killing it"; kill -9 "$FF_PID" 2>/dev/null || true; }
  wait "$FF_PID" 2>/dev/null || true
  FF_PID=""
}

# Peak resident memory of Footfall so far (VmHWM), in MiB.
ff_peak_rss_mb() { awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$FF_PID/status"; }

# ---- talking to Footfall ---------------------------------------------------------------------
api() { # METHOD PATH [JSON]: prints the body, fails on a transport error
  curl -sS --max-time 30 -X "$1" -H "Authorization: Bearer $BENCH_ADMIN_KEY" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} "$BASE$2"
}

UA_CHROME='Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'

# DOMAIN ZONE [ingest]: create the site (or find it); with "ingest", wait until /api/event takes
# its hits (ingest learns of sites from SiteRegistered) - that check stores one page view.
ensure_site() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $BENCH_ADMIN_KEY" "$BASE/api/v1/sites/$1")
  if [ "$code" != 200 ]; then
    code=$(curl -s -o "$OUT/site.json" -w '%{http_code}' --max-time 10 -X POST -H "Authorization: Bearer $BENCH_ADMIN_KEY" \
      -H 'Content-Type: application/json' -d "{\"domain\":\"$1\",\"timezone\":\"$2\"}" "$BASE/api/v1/sites")
    [ "$code" = 201 ] || die "creating site $1 answered $code: $(cat "$OUT/site.json")"
  fi
  [ "${3:-}" = ingest ] || return 0
  for _ in $(seq 1 100); do
    if curl -s -D - -o /dev/null --max-time 5 -H "User-Agent: $UA_CHROME" -H 'X-Forwarded-For: 192.0.2.1' \
        -d "{\"n\":\"pageview\",\"u\":\"https://$1/__bench-ready\",\"d\":\"$1\"}" "$BASE/api/event" \
        | tr -d '\r' | awk 'NR == 1 && $2 != 202 {bad = 1} tolower($1) == "x-footfall-dropped:" {bad = 1} END {exit bad}'; then
      return 0
    fi
    sleep 0.2
  done
  die "ingest did not start taking hits for $1"
}

# Logs in through the login form (its CSRF cookie and token first); prints the session cookie's value.
login_cookie() {
  local jar="$OUT/cookies.txt" token
  rm -f "$jar"
  token=$(curl -s --max-time 30 -c "$jar" -b "$jar" "$BASE/login" \
    | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
  [ -n "$token" ] || die "the login page has no CSRF token"
  curl -s -o /dev/null --max-time 30 -c "$jar" -b "$jar" --data-urlencode "email=$BENCH_ADMIN_EMAIL" \
    --data-urlencode "password=$BENCH_ADMIN_PASSWORD" --data-urlencode "csrf=$token" "$BASE/login"
  awk '$6 == "footfall-session" {print $7}' "$jar" | tail -1
}

metric() { curl -s --max-time 10 "$BASE/q/metrics" | awk -v m="$1" '$1 == m {printf "%.0f", $2; found=1} END {if (!found) printf "0"}'; }
metric_f() { curl -s --max-time 10 "$BASE/q/metrics" | awk -v m="$1" '$1 == m {print $2; found=1} END {if (!found) print 0}'; }

# Hits the projector has dealt with (applied, duplicates, skipped).
processed() {
  curl -s --max-time 10 "$BASE/q/metrics" | awk '$1 ~ /^footfall_projector_(applied|duplicates|skipped)_total$/ {s += $2} END {printf "%.0f", s}'
}

# Waits until every accepted hit is stored and projected; prints the seconds it took.
drain() {
  local t0 accepted; t0=$(now_ms); accepted=$(metric footfall_hits_accepted_total)
  local deadline=$(( t0 + BENCH_DRAIN_TIMEOUT * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if [ "$(metric footfall_hits_stored_total)" -ge "$accepted" ] && [ "$(processed)" -ge "$accepted" ]; then
      calc "($(now_ms) - $t0) / 1000"; return 0
    fi
    sleep 1
  done
  die "the pipeline did not catch up within ${BENCH_DRAIN_TIMEOUT}s (accepted $accepted, stored $(metric footfall_hits_stored_total), projected $(processed))"
}

# wrk against Footfall; prints the BENCH line of the Lua script's done().
wrk_run() { # SECONDS URL SCRIPT [extra wrk args...]
  local seconds=$1 url=$2 script=$3; shift 3
  timeout $(( seconds + 60 )) wrk -t"$BENCH_WRK_THREADS" -c"$BENCH_WRK_CONNECTIONS" -d"${seconds}s" --timeout 10s \
    -s "$BENCH_DIR/lua/$script" "$@" "$url" | tee -a "$OUT/wrk.txt" | grep '^BENCH' \
    || die "wrk produced no result for $url"
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " $2"; }

connector_jar() { ls "$ROOT"/target/quarkus-app/lib/main/com.mysql.mysql-connector-j-*.jar 2>/dev/null | head -1; }

# The bench's Java tools (Load, Naive, Latency, Probe), compiled once per run; JDBC from the build.
compile_tools() {
  local jdbc; jdbc=$(connector_jar); [ -n "$jdbc" ] || die "no MySQL driver in target/quarkus-app/lib/main"
  rm -rf "$STATE/classes"
  javac -d "$STATE/classes" -cp "$jdbc" "$BENCH_DIR"/*.java || die "the bench's Java tools do not compile"
  TOOL=(java -cp "$STATE/classes:$jdbc")
}

yesterday() { TZ="$BENCH_TZ" date -d yesterday +%F; }
