# Figure 2: how many hits /api/event accepts, with varied bodies, against a trivial endpoint of
# the same process (the ceiling of HTTP on this machine). Runs are interleaved so both see the
# same conditions. Also samples Footfall's resident memory under this load (figure 5).

INGEST_RSS=()

# Samples VmRSS of Footfall every 250 ms into a file, for at most SECONDS; prints the sampler's pid.
rss_sampler() { # FILE SECONDS
  local file=$1 n=$(( $2 * 4 )) pid=$FF_PID
  ( for _ in $(seq 1 "$n"); do awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || exit 0; sleep 0.25; done ) > "$file" &
  echo $!
}

stage_ingest() {
  ensure_site "$BENCH_INGEST_SITE" "$BENCH_TZ" ingest
  export BENCH_DOMAIN=$BENCH_INGEST_SITE
  local warm=$BENCH_INGEST_SECONDS  # C2 still compiles for 15 s or more on 2 cores
  if [ "$warm" -gt 0 ]; then
    log "ingest: warming up the JIT for ${warm}s (not counted)"
    wrk_run "$warm" "$BASE/api/event" event.lua > /dev/null
    wrk_run "$warm" "$BASE/q/health/live" plain.lua > /dev/null
  fi
  local rps=() p50=() p99=() plain=() ratio=() options=() run line a0 a1 sampler accepted_rate
  for run in $(seq 1 "$BENCH_RUNS"); do
    a0=$(metric footfall_hits_accepted_total)
    sampler=$(rss_sampler "$OUT/rss-ingest-$run.txt" $(( BENCH_INGEST_SECONDS + 5 )))
    line=$(wrk_run "$BENCH_INGEST_SECONDS" "$BASE/api/event" event.lua)
    kill "$sampler" 2>/dev/null || true
    a1=$(metric footfall_hits_accepted_total)
    accepted_rate=$(calc "($a1 - $a0) / $(field seconds "$line")")
    [ "$(field non2xx "$line")" = 0 ] || log "note: $(field non2xx "$line") answers were not 2xx (503: queue unavailable)"
    [ $(( a1 - a0 )) -gt 0 ] || die "no hit was accepted: $line"
    awk -v a=$(( a1 - a0 )) -v r="$(field requests "$line")" 'BEGIN { exit !(a >= 0.99 * r) }' \
      || log "note: only $(( a1 - a0 )) of $(field requests "$line") requests were accepted (dropped or refused)"
    rps+=("$accepted_rate"); p50+=("$(field p50 "$line")"); p99+=("$(field p99 "$line")")
    INGEST_RSS+=("$(sort -n "$OUT/rss-ingest-$run.txt" | tail -1 | awk '{printf "%.0f", $1/1024}')")
    log "ingest $run: $line accepted/s=$accepted_rate rss=${INGEST_RSS[-1]}MiB"

    line=$(wrk_run "$BENCH_INGEST_SECONDS" "$BASE/q/health/live" plain.lua)
    [ "$(field non2xx "$line")" = 0 ] || die "the trivial endpoint failed: $line"
    plain+=("$(field rps "$line")")
    ratio+=("$(calc "$accepted_rate / $(field rps "$line")")")
    log "trivial $run: $line"

    line=$(BENCH_METHOD=OPTIONS wrk_run "$BENCH_INGEST_SECONDS" "$BASE/api/event" plain.lua)
    options+=("$(field rps "$line")")
    log "OPTIONS /api/event $run: $line"
  done
  read -r m lo hi <<< "$(stats "${rps[@]}")"
  result "ingest: accepted hits/s" "$m" "$lo" "$hi" hits/s ">=20000" \
    "wrk -t$BENCH_WRK_THREADS -c$BENCH_WRK_CONNECTIONS ${BENCH_INGEST_SECONDS}s; counted by footfall_hits_accepted_total"
  read -r m lo hi <<< "$(stats "${p50[@]}")"; result "ingest: p50 latency" "$m" "$lo" "$hi" ms "-"
  read -r m lo hi <<< "$(stats "${p99[@]}")"; result "ingest: p99 latency" "$m" "$lo" "$hi" ms "<=25"
  read -r m lo hi <<< "$(stats "${plain[@]}")"; result "trivial endpoint GET /q/health/live" "$m" "$lo" "$hi" req/s "-" "same wrk settings"
  read -r m lo hi <<< "$(stats "${ratio[@]}")"; result "ingest / trivial endpoint" "$m" "$lo" "$hi" ratio ">=0.5" "per interleaved pair of runs"
  read -r m lo hi <<< "$(stats "${options[@]}")"; result "OPTIONS /api/event (same resource, no work)" "$m" "$lo" "$hi" req/s "-"
  read -r m lo hi <<< "$(stats "${INGEST_RSS[@]}")"; result "Footfall RSS under ingest load" "$m" "$lo" "$hi" MiB "-" "-Xmx$BENCH_XMX; peak VmRSS per run"
  local backlog; backlog=$(( $(metric footfall_hits_accepted_total) - $(metric footfall_hits_stored_total) ))
  local took; took=$(drain) || die "the pipeline did not drain after the ingest runs"
  log "ingest: the queue held $backlog hits at the end; stored and projected all in $took s"
  [ "$backlog" -gt 1000 ] && result "writers draining a backlog" "$(calc "$backlog / ($took + 0.001)")" - - hits/s "-" \
    "$backlog queued hits stored and projected in $took s after the load"
  return 0
}
