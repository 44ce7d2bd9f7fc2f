# Figure 5: time from start to ready (warm restarts: the database exists), resident memory under
# ingest load with -Xmx512m (sampled by the ingest stage, or here when it did not run), the read
# model's size in Redis, and whether Footfall ran out of heap at any point of this run.

stage_footprint() {
  local ready=() run
  for run in $(seq 1 "$BENCH_RUNS"); do
    ff_stop
    ff_start
    ready+=("$READY_MS")
  done
  read -r m lo hi <<< "$(stats "${ready[@]}")"
  result "start to ready" "$m" "$lo" "$hi" ms "<=3000" "java -Xmx$BENCH_XMX -jar quarkus-run.jar until /q/health/ready is 200"
  local started; started=$(grep -o 'started in [0-9.]*s' "$OUT/footfall.log" | tail -"$BENCH_RUNS" | awk '{print $3}' | tr -d s | tr '\n' ' ')
  log "footprint: Quarkus' own 'started in' for these starts: $started"

  if [ "${#INGEST_RSS[@]}" -eq 0 ]; then
    ensure_site "$BENCH_INGEST_SITE" "$BENCH_TZ" ingest
    local sampler
    for run in $(seq 1 "$BENCH_RUNS"); do
      sampler=$(rss_sampler "$OUT/rss-footprint-$run.txt" $(( BENCH_INGEST_SECONDS + 5 )))
      BENCH_DOMAIN=$BENCH_INGEST_SITE wrk_run "$BENCH_INGEST_SECONDS" "$BASE/api/event" event.lua > /dev/null
      kill "$sampler" 2>/dev/null || true
      INGEST_RSS+=("$(sort -n "$OUT/rss-footprint-$run.txt" | tail -1 | awk '{printf "%.0f", $1/1024}')")
    done
    read -r m lo hi <<< "$(stats "${INGEST_RSS[@]}")"
    result "Footfall RSS under ingest load" "$m" "$lo" "$hi" MiB "-" "-Xmx$BENCH_XMX; peak VmRSS per run"
    drain > /dev/null || die "the pipeline did not drain after the footprint load"
  fi

  if [ -s "$STATE/dataset" ]; then
    read -r mb keys <<< "$(read_model_mb)"
    result "read model in Redis, now" "$mb" "$mb" "$mb" MiB "<=100" "$keys keys of $BENCH_SITE's live generation"
  fi
  local ooms; ooms=$(grep -c 'OutOfMemoryError' "$OUT/footfall.log" || true)
  result "OutOfMemoryError in Footfall's log" "$ooms" "$ooms" "$ooms" count "<=0" "the whole run, -Xmx$BENCH_XMX"
}
