-- wrk script for a trivial request (the ceiling): same connection settings, same one-line report.
-- Env: BENCH_METHOD (default GET).
wrk.method = os.getenv("BENCH_METHOD") or "GET"
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("BENCH rps=%.1f p50=%.3f p95=%.3f p99=%.3f max=%.3f requests=%d seconds=%.2f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, seconds, e.status, e.connect, e.read,
    e.write, e.timeout))
end
