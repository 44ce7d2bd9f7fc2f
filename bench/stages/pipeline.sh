# Figure 3: the highest rate that goes from 202 to the read model steadily, and the delay from
# 202 to visible in the Stats API. wrk paces itself to a rate (delay() in event.lua); a probe
# sends a page view to a site of its own every 200 ms and polls the Stats API until it shows.
#
# A run at RATE is steady when, over its second half, the backlog (accepted but not yet projected,
# from the live counters) and footfall_queue_depth stay under two seconds of input,
# footfall_stream_lag_seconds stays at or under 2 s, wrk reached 90 % of RATE, and no probe is lost.

# Every second: "millis accepted stored processed queue_depth stream_lag", for at most SECONDS.
metrics_sampler() { # FILE SECONDS
  local file=$1 n=$2
  ( for _ in $(seq 1 "$n"); do
      curl -s --max-time 1 "$BASE/q/metrics" | awk -v t="$(now_ms)" '
        $1 == "footfall_hits_accepted_total" {a = $2} $1 == "footfall_hits_stored_total" {s = $2}
        $1 ~ /^footfall_projector_(applied|duplicates|skipped)_total$/ {p += $2}
        $1 == "footfall_queue_depth" {q = $2} $1 == "footfall_stream_lag_seconds" {l = $2}
        END {printf "%s %.0f %.0f %.0f %.0f %.3f\n", t, a, s, p, q, l}'
      sleep 1
    done ) > "$file" &
  echo $!
}

# Runs RATE for SECONDS; sets RUN to "steady|unsteady achieved p50 p95 backlog depth lag lost".
pipeline_run() { # RATE SECONDS TAG
  local rate=$1 seconds=$2 tag=$3
  local drained; drained=$(drain) || die "the pipeline did not drain before the run at $rate/s"
  # enough connections that a slow answer does not cap the rate (each waits for its answer)
  local connections=$(( rate / 50 )); [ "$connections" -lt 64 ] && connections=64
  local samples="$OUT/pipeline-$tag.txt" probe_out="$OUT/probe-$tag.txt"
  local sampler probe line a0 a1 t0 t1
  sampler=$(metrics_sampler "$samples" $(( seconds + 30 )))
  timeout $(( seconds + 60 )) "${TOOL[@]}" Probe "$BASE" "$BENCH_ADMIN_KEY" "$BENCH_PROBE_SITE" \
    "$seconds" 200 20 > "$probe_out" 2>&1 &
  probe=$!
  a0=$(metric footfall_hits_accepted_total); t0=$(now_ms)
  line=$(BENCH_RATE=$rate BENCH_CONNECTIONS=$connections BENCH_THREADS=$BENCH_WRK_THREADS \
    BENCH_WRK_CONNECTIONS=$connections wrk_run "$seconds" "$BASE/api/event" event.lua) || die "wrk failed at $rate/s"
  a1=$(metric footfall_hits_accepted_total); t1=$(now_ms)
  wait "$probe" || die "the probe failed: $(cat "$probe_out")"
  kill "$sampler" 2>/dev/null || true
  local probed; probed=$(grep '^PROBE' "$probe_out") || die "the probe printed no result: $(cat "$probe_out")"
  log "pipeline $tag: wrk $line"
  # the samples of the second half of wrk's run
  RUN=$(awk -v rate="$rate" -v from=$(( (t0 + t1) / 2 )) -v to="$t1" -v achieved="$(calc "($a1 - $a0) * 1000 / ($t1 - $t0)")" \
      -v lost="$(field lost "$probed")" -v p50="$(field p50 "$probed")" -v p95="$(field p95 "$probed")" '
    $1 >= from && $1 <= to {
      if ($2 - $4 > backlog) backlog = $2 - $4
      if ($5 > depth) depth = $5
      if ($6 > lag) lag = $6
    }
    END {
      steady = achieved >= 0.9 * rate && backlog <= 2 * achieved && depth <= 2 * achieved && lag <= 2 && lost == 0
      printf "%s %.0f %s %s %.0f %.0f %.1f %s\n", steady ? "steady" : "unsteady", achieved, p50, p95, backlog, depth, lag, lost
    }' "$samples")
}

stage_pipeline() {
  ensure_site "$BENCH_INGEST_SITE" "$BENCH_TZ" ingest
  ensure_site "$BENCH_PROBE_SITE" UTC ingest
  export BENCH_DOMAIN=$BENCH_INGEST_SITE
  local warm=$(( BENCH_PIPELINE_STEP_SECONDS / 2 ))
  log "pipeline: warming up the JIT for ${warm}s (not counted)"
  wrk_run "$warm" "$BASE/api/event" event.lua > /dev/null
  local best="" rate verdict achieved p50 p95 backlog depth lag lost
  for rate in $BENCH_PIPELINE_RATES; do
    local attempt
    for attempt in 1 2; do  # a step fails only when it fails twice: one hiccup must not end the search
      pipeline_run "$rate" "$BENCH_PIPELINE_STEP_SECONDS" "search-$rate-$attempt"
      read -r verdict achieved p50 p95 backlog depth lag lost <<< "$RUN"
      log "pipeline search $rate/s: $verdict (achieved $achieved/s, delay p50 $p50 p95 $p95 ms, backlog $backlog, queue $depth, lag ${lag}s, lost $lost)"
      [ "$verdict" = steady ] && break
    done
    [ "$verdict" = steady ] || break
    best=$rate
  done
  if [ -z "$best" ]; then
    best=$(awk '{print $1}' <<< "$BENCH_PIPELINE_RATES")
    log "pipeline: not even $best/s was steady; measuring the delay there anyway"
  fi
  local rates=() d50=() d95=() steady=0 run
  for run in $(seq 1 "$BENCH_RUNS"); do
    pipeline_run "$best" "$BENCH_PIPELINE_SECONDS" "run-$run"
    read -r verdict achieved p50 p95 backlog depth lag lost <<< "$RUN"
    log "pipeline run $run at $best/s for ${BENCH_PIPELINE_SECONDS}s: $verdict (achieved $achieved/s, delay p50 $p50 p95 $p95 ms, backlog $backlog, queue $depth, lag ${lag}s, lost $lost)"
    [ "$verdict" = steady ] && steady=$(( steady + 1 ))
    if [ "$verdict" = steady ]; then rates+=("$achieved"); else rates+=(0); fi
    d50+=("$p50"); d95+=("$p95")
  done
  read -r m lo hi <<< "$(stats "${rates[@]}")"
  result "pipeline: steady rate for ${BENCH_PIPELINE_SECONDS}s" "$m" "$lo" "$hi" hits/s ">=10000" \
    "paced at $best/s (steps: $BENCH_PIPELINE_RATES); steady in $steady of $BENCH_RUNS runs (0 = not steady)"
  read -r m lo hi <<< "$(stats "${d50[@]}")"; result "pipeline: delay 202 -> Stats API, p50" "$m" "$lo" "$hi" ms "-" "at $best/s"
  read -r m lo hi <<< "$(stats "${d95[@]}")"; result "pipeline: delay 202 -> Stats API, p95" "$m" "$lo" "$hi" ms "<=2000" "at $best/s"
  drain > /dev/null || die "the pipeline did not drain after the runs"
}
