# Figure 4: the dashboard page and each Stats API call for day, 7d, 30d and 12mo on the data set,
# idle and while ingest is saturated by wrk; beside them the naive SQL over page_views for the
# same periods, in the same run. "day" is yesterday (a whole local day), the others end today.

PERIODS=(day 7d 30d 12mo)

dashboard_urls() {
  local p extra
  for p in "${PERIODS[@]}"; do
    extra=""; [ "$p" = day ] && extra="&date=$(yesterday)"
    printf 'page.%s\tpage\t/%s?period=%s%s\n' "$p" "$BENCH_SITE" "$p" "$extra"
    printf 'aggregate.%s\tapi\t/api/v1/stats/aggregate?site_id=%s&period=%s%s&metrics=visitors,pageviews\n' "$p" "$BENCH_SITE" "$p" "$extra"
    printf 'timeseries.%s\tapi\t/api/v1/stats/timeseries?site_id=%s&period=%s%s&metrics=visitors,pageviews\n' "$p" "$BENCH_SITE" "$p" "$extra"
    printf 'breakdown.%s\tapi\t/api/v1/stats/breakdown?site_id=%s&period=%s%s&property=event:page&limit=10\n' "$p" "$BENCH_SITE" "$p" "$extra"
  done
}

# name -> "p50 p50min p50max p95 p95min p95max p99 p99min p99max samples"
latency_of() { awk -v n="$1" '$1 == n {$1 = ""; print substr($0, 2)}' "$2"; }

stage_dashboard() {
  require_dataset
  local cookie; cookie=$(login_cookie)
  [ -n "$cookie" ] || die "could not log in as $BENCH_ADMIN_EMAIL"
  dashboard_urls > "$OUT/dashboard-urls.txt"
  # every URL answers, and the page shows the site (a few tries: the rebuild may have switched generations a moment ago)
  local shown="" try status
  for try in 1 2 3 4 5; do
    status=$(curl -s -o "$OUT/dashboard-page.html" -w '%{http_code}' --max-time 30 -b "footfall-session=$cookie" \
      "$BASE/$BENCH_SITE?period=30d")
    if [ "$status" = 200 ] && grep -q "$BENCH_SITE" "$OUT/dashboard-page.html"; then shown=1; break; fi
    log "dashboard: try $try answered $status"
    sleep 2
  done
  [ -n "$shown" ] || die "the dashboard page does not show $BENCH_SITE (last answer $status, in $OUT/dashboard-page.html)"

  log "dashboard: idle, ${BENCH_RUNS} runs of ${BENCH_DASHBOARD_SECONDS}s, one request at a time, URLs round-robin"
  timeout $(( BENCH_RUNS * BENCH_DASHBOARD_SECONDS + 120 )) "${TOOL[@]}" Latency "$BASE" "$cookie" \
    "$BENCH_ADMIN_KEY" "$BENCH_DASHBOARD_SECONDS" "$BENCH_RUNS" < "$OUT/dashboard-urls.txt" > "$OUT/dashboard-idle.txt" \
    || die "dashboard latency (idle) failed"

  log "dashboard: the naive SQL, $BENCH_NAIVE_RUNS runs, each query stopped after ${BENCH_NAIVE_TIMEOUT}s"
  local periods=("day:$(yesterday)" 7d 30d 12mo)
  timeout $(( BENCH_NAIVE_RUNS * 12 * BENCH_NAIVE_TIMEOUT + 300 )) "${TOOL[@]}" Naive \
    "$JDBC" "$BENCH_SITE" "$BENCH_TZ" "$BENCH_NAIVE_RUNS" "$BENCH_NAIVE_TIMEOUT" "${periods[@]}" \
    > "$OUT/naive.txt" 2> "$OUT/naive-progress.txt" || die "the naive queries failed: $(tail -3 "$OUT/naive-progress.txt")"

  log "dashboard: the same while wrk saturates /api/event from another process"
  ensure_site "$BENCH_INGEST_SITE" "$BENCH_TZ" ingest
  local seconds=$(( BENCH_RUNS * BENCH_DASHBOARD_SECONDS + 20 ))
  BENCH_DOMAIN=$BENCH_INGEST_SITE timeout $(( seconds + 30 )) wrk -t"$BENCH_WRK_THREADS" -c"$BENCH_WRK_CONNECTIONS" \
    -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/lua/event.lua" "$BASE/api/event" > "$OUT/wrk-under-dashboard.txt" 2>&1 &
  local load=$!
  sleep 3
  timeout $(( BENCH_RUNS * BENCH_DASHBOARD_SECONDS + 120 )) "${TOOL[@]}" Latency "$BASE" "$cookie" \
    "$BENCH_ADMIN_KEY" "$BENCH_DASHBOARD_SECONDS" "$BENCH_RUNS" < "$OUT/dashboard-urls.txt" > "$OUT/dashboard-loaded.txt" \
    || { kill "$load" 2>/dev/null; die "dashboard latency (under ingest load) failed"; }
  kill -INT "$load" 2>/dev/null || true
  wait "$load" 2>/dev/null || true
  log "dashboard: ingest load while measuring: $(grep '^BENCH' "$OUT/wrk-under-dashboard.txt" || echo 'wrk stopped early')"
  local took; took=$(drain) || die "the pipeline did not drain after the dashboard under load"

  dashboard_results
}

dashboard_results() {
  local name idle loaded target kind p q naive ours
  while IFS=$'\t' read -r name _ _; do
    read -r -a idle <<< "$(latency_of "$name" "$OUT/dashboard-idle.txt")"
    read -r -a loaded <<< "$(latency_of "$name" "$OUT/dashboard-loaded.txt")"
    case "$name" in page.30d) target="<=50" ;; page.*) target="-" ;; *) target="<=10" ;; esac
    result "dashboard $name p95" "${idle[3]}" "${idle[4]}" "${idle[5]}" ms "$target" "p50 ${idle[0]}, p99 ${idle[6]}; ${idle[9]} samples"
    result "  under ingest load: p99 / idle p99" "$(calc "${loaded[6]} / ${idle[6]}")" \
      "$(calc "${loaded[7]} / ${idle[8]}")" "$(calc "${loaded[8]} / ${idle[7]}")" ratio "<=2" \
      "loaded p50 ${loaded[0]}, p95 ${loaded[3]}, p99 ${loaded[6]} ms"
  done < "$OUT/dashboard-urls.txt"
  # ours (p50) against the naive SQL answering the same question (median)
  for p in "${PERIODS[@]}"; do
    for kind in page aggregate breakdown; do
      case "$kind" in
        page) q="count distinct toppages" ;;
        aggregate) q="count distinct" ;;
        breakdown) q="toppages" ;;
      esac
      naive=$(awk -v p="$p" -v q=" $q " '$1 == "NAIVE" && $2 == p && index(q, " " $3 " ") {
        if ($4 == "nan") bad = 1; gsub(">", "", $4); s += $4 } END {print bad ? "nan" : s}' "$OUT/naive.txt")
      ours=$(latency_of "$kind.$p" "$OUT/dashboard-idle.txt" | awk '{print $1}')
      if [ "$naive" = nan ]; then
        result "naive SQL / ours, $kind $p" nan - - ratio ">=100" "a naive query failed in MySQL five times (see naive.txt)"
        continue
      fi
      result "naive SQL / ours, $kind $p" "$(calc "$naive / $ours")" - - ratio ">=100" \
        "naive ($q) $(calc "$naive") ms vs ours p50 $ours ms$(grep -q "^NAIVE $p [a-z]* >" "$OUT/naive.txt" && echo '; a naive query hit the timeout')"
    done
  done
}
