# Figure 1: the data set. Bulk-loads BENCH_ROWS page views into the bench's own database, then
# builds the read model through the product's rebuild (replay of the raw rows), timed.

stage_data() {
  log "data: a clean slate (database $BENCH_DB and the bench's Redis on port $BENCH_REDIS_PORT only)"
  ff_stop
  [ "$("${RCLI[@]}" flushall)" = OK ] || die "FLUSHALL of the bench's Redis failed"
  "${MYSQL[@]}" -e "DROP DATABASE IF EXISTS \`$BENCH_DB\`" || die "cannot drop $BENCH_DB"
  rm -f "$STATE/dataset"
  ff_start
  log "data: first start (creates and migrates the database) took $READY_MS ms"
  ensure_site "$BENCH_SITE" "$BENCH_TZ"

  local visitors=$(( BENCH_ROWS / BENCH_DAYS / 6 ))
  [ "$visitors" -gt "$BENCH_VISITORS" ] && visitors=$BENCH_VISITORS
  [ "$visitors" -lt 10 ] && visitors=10
  log "data: loading $BENCH_ROWS page views over $BENCH_DAYS days, $BENCH_PATHS paths, $visitors visitors a day"
  timeout $(( BENCH_ROWS / 1000 + 600 )) "${TOOL[@]}" Load \
    "$JDBC&allowLoadLocalInfile=true&rewriteBatchedStatements=true" "$BENCH_SITE" "$BENCH_TZ" "$BENCH_ROWS" \
    "$BENCH_DAYS" "$BENCH_PATHS" "$visitors" "$BENCH_CHUNK" "$BENCH_SEED" > "$OUT/dataload.txt" \
    || die "loading the data set failed"
  local rates=() total_ms
  while read -r kind rows ms _; do
    case "$kind" in
      chunk) rates+=("$(calc "$rows * 1000 / $ms")") ;;
      total) total_ms=$ms ;;
    esac
  done < "$OUT/dataload.txt"
  local stored; stored=$("${MYSQL[@]}" -N "$BENCH_DB" -e "SELECT COUNT(*) FROM page_views WHERE site = '$BENCH_SITE'")
  [ "$stored" -eq "$BENCH_ROWS" ] || die "page_views holds $stored rows of $BENCH_SITE, expected $BENCH_ROWS"
  read -r m lo hi <<< "$(stats "${rates[@]}")"
  result "data: bulk load into MySQL" "$m" "$lo" "$hi" rows/s "-" \
    "$BENCH_ROWS rows in $(calc "$total_ms / 1000") s = $(calc "$BENCH_ROWS * 1000 / $total_ms") rows/s overall; spread over ${#rates[@]} LOAD DATA chunks"
  # the naive queries deserve fresh index statistics
  "${MYSQL[@]}" "$BENCH_DB" -e "ANALYZE TABLE page_views" > /dev/null
  echo "$BENCH_ROWS $(TZ="$BENCH_TZ" date +%F)" > "$STATE/dataset"
  stage_rebuild
}

require_dataset() {
  [ -s "$STATE/dataset" ] || die "no data set yet: run bench/run.sh data first"
  local rows day; read -r rows day < "$STATE/dataset"
  [ "$day" = "$(TZ="$BENCH_TZ" date +%F)" ] \
    || log "note: the data set was loaded on $day; periods ending today no longer cover all of it"
  DATASET_ROWS=$rows
}

# Figure 1, second half: rebuild the read model from the raw rows BENCH_REBUILD_RUNS times.
stage_rebuild() {
  require_dataset
  local rates=() models=() used=() run status replayed total t0 t1
  for run in $(seq 1 "$BENCH_REBUILD_RUNS"); do
    local before previous; before=$(redis_used_mb)
    previous=$("${RCLI[@]}" hget "$BENCH_PREFIX:readmodel" current); previous=${previous:-1}
    t0=$(now_ms)
    status=$(api POST /api/v1/admin/rebuild) || die "POST /api/v1/admin/rebuild failed"
    grep -q '"status":"replaying"' <<< "$status" || die "rebuild did not start: $status"
    local deadline=$(( t0 + BENCH_REBUILD_TIMEOUT * 1000 ))
    while [ "$(now_ms)" -lt "$deadline" ]; do
      status=$(api GET /api/v1/admin/rebuild)
      case "$status" in
        *'"status":"done"'*) break ;;
        *'"status":"failed"'*) die "rebuild failed: $status" ;;
      esac
      sleep 0.5
    done
    t1=$(now_ms)
    grep -q '"status":"done"' <<< "$status" || die "rebuild not done within ${BENCH_REBUILD_TIMEOUT}s: $status"
    replayed=$(sed -n 's/.*"replayed":\([0-9]*\).*/\1/p' <<< "$status")
    total=$(sed -n 's/.*"total":\([0-9]*\).*/\1/p' <<< "$status")
    [ "$replayed" -eq "$total" ] && [ "$replayed" -ge "$DATASET_ROWS" ] \
      || die "rebuild replayed $replayed of $total rows (data set: $DATASET_ROWS)"
    rates+=("$(calc "$replayed * 1000 / ($t1 - $t0)")")
    log "rebuild $run: $replayed events in $(( t1 - t0 )) ms; API says $status"
    # the replaced generation is dropped 10 s after the switch, by a 5 s schedule: wait for that
    # when it held anything, so that used_memory shows one generation
    if [ -n "$("${RCLI[@]}" --scan --pattern "$BENCH_PREFIX:{$BENCH_SITE}:g$previous:*" | head -1)" ]; then
      for _ in $(seq 1 120); do
        [ -z "$("${RCLI[@]}" hget "$BENCH_PREFIX:readmodel" drop)" ] && break
        sleep 0.5
      done
    fi
    read -r mb keys <<< "$(read_model_mb)"
    models+=("$mb")
    used+=("$(redis_used_mb)")
    log "rebuild $run: read model of $BENCH_SITE: $mb MiB in $keys keys; Redis used_memory $before -> ${used[-1]} MiB"
  done
  check_read_model
  read -r m lo hi <<< "$(stats "${rates[@]}")"
  result "rebuild of the read model" "$m" "$lo" "$hi" events/s ">=50000" \
    "$DATASET_ROWS rows replayed; POST to status done, incl. the fixed 7 s wait for the cutoff"
  read -r m lo hi <<< "$(stats "${models[@]}")"
  result "read model in Redis (keys of the site)" "$m" "$lo" "$hi" MiB "<=100" "sum of MEMORY USAGE over the live generation's keys"
  read -r m lo hi <<< "$(stats "${used[@]}")"
  result "Redis used_memory after the rebuild" "$m" "$lo" "$hi" MiB "-" "whole bench Redis: read model, streams, queue"
}

# The read model must hold exactly the raw rows' page views (visitors: HyperLogLog, within 2 %).
check_read_model() {
  local from to answer pageviews visitors rows distinct
  from=$(TZ="$BENCH_TZ" date -d "$(( BENCH_DAYS + 1 )) days ago" +%F)
  to=$(TZ="$BENCH_TZ" date +%F)
  answer=$(api GET "/api/v1/stats/aggregate?site_id=$BENCH_SITE&period=custom&date=$from,$to&metrics=visitors,pageviews")
  pageviews=$(sed -n 's/.*"pageviews":{"value":\([0-9]*\)}.*/\1/p' <<< "$answer")
  visitors=$(sed -n 's/.*"visitors":{"value":\([0-9]*\)}.*/\1/p' <<< "$answer")
  read -r rows distinct <<< "$("${MYSQL[@]}" -N "$BENCH_DB" -e "SELECT COUNT(*), COUNT(DISTINCT visitor) FROM page_views WHERE site = '$BENCH_SITE'")"
  [ "$pageviews" = "$rows" ] || die "read model has $pageviews page views of $BENCH_SITE, page_views has $rows ($answer)"
  awk -v a="$visitors" -v b="$distinct" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= 0.02 * b) }' \
    || die "read model has $visitors visitors of $BENCH_SITE, page_views has $distinct distinct"
  log "read model checked: $pageviews page views (exact), $visitors visitors (MySQL: $distinct distinct)"
}
