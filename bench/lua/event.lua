-- wrk script: POST /api/event with a different body and visitor on every request.
-- Varies the path (1,000 paths, Zipf popularity like the data set), the referrer, the
-- User-Agent (real browsers only; bots would be dropped) and the client IP (X-Forwarded-For,
-- believed because wrk connects from loopback, a trusted proxy).
-- Env: BENCH_DOMAIN (site); BENCH_RATE (optional: total hits/s, paced by delay()) with
-- BENCH_CONNECTIONS and BENCH_THREADS (the -c and -t given to wrk).
local domain = os.getenv("BENCH_DOMAIN") or "ingest.bench"
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
local connections = tonumber(os.getenv("BENCH_CONNECTIONS") or "1")
local threads = tonumber(os.getenv("BENCH_THREADS") or "1")

local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
  "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
  "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
}
local referrers = { "null", "null", "null", "null", "null", "\"https://www.google.com/\"", "\"https://www.google.com/\"",
  "\"https://t.co/x\"", "\"https://news.ycombinator.com/\"", "\"https://github.com/footfall\"" }

local paths = {}
local cdf = {}
local fixed = { "/pricing", "/features", "/docs", "/blog", "/about", "/signup", "/login", "/contact" }
local sum = 0
for i = 0, 999 do
  local p
  if i == 0 then p = "/"
  elseif i <= #fixed then p = fixed[i]
  else
    local k = i - #fixed - 1
    if k % 3 == 0 then p = "/blog/post-" .. k
    elseif k % 3 == 1 then p = "/docs/guide/section-" .. (k % 17) .. "/page-" .. k
    else p = "/products/item-" .. k end
  end
  paths[i + 1] = p
  sum = sum + 1 / (i + 1)
  cdf[i + 1] = sum
end
for i = 1, #cdf do cdf[i] = cdf[i] / sum end

local function zipf_path()
  local u = math.random()
  local lo, hi = 1, #cdf
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return paths[lo]
end

local counter = 0
local pace = 0       -- ms each connection waits after an answer before its next request
local target = 0     -- requests per second of this thread
local second, sent, settled = nil, 0, false

function setup(thread)
  thread:set("seed", math.random(1, 2147483647))
end

function init(args)
  math.randomseed((tonumber(seed) or 1) + os.time())
  if rate > 0 then
    -- each connection sends one request, waits for the answer, then waits pace ms
    target = rate / threads
    pace = connections / threads * 1000 / target
  end
end

function delay()
  if rate <= 0 then return 0 end
  -- once a second, correct the pace by how far the last second's count was off the target
  -- (the answer's own latency is part of each connection's cycle, so a fixed pace falls short)
  local now = os.time()
  if now ~= second then
    if settled and sent > 0 then
      pace = math.min(10000, math.max(0.5, pace * (0.5 + 0.5 * sent / target)))
    end
    settled = second ~= nil
    second, sent = now, 0
  end
  if pace <= 0 then return 0 end
  -- whole milliseconds only: alternate floor and ceil so the average is the exact pace
  local base = math.floor(pace)
  if math.random() < pace - base then return base + 1 end
  return base
end

function request()
  counter = counter + 1
  sent = sent + 1
  local ip = math.random(1, 223) .. "." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  local path = zipf_path()
  local query = ""
  if math.random(100) <= 5 then query = "?utm_source=newsletter&utm_medium=email&utm_campaign=c" .. math.random(12) end
  local body = "{\"n\":\"pageview\",\"u\":\"https://" .. domain .. path .. query .. "\",\"d\":\"" .. domain ..
    "\",\"r\":" .. referrers[math.random(#referrers)] .. ",\"w\":" .. (360 + math.random(0, 1560)) .. "}"
  return wrk.format("POST", "/api/event", {
    ["Content-Type"] = "text/plain",
    ["User-Agent"] = agents[math.random(#agents)],
    ["X-Forwarded-For"] = ip,
  }, body)
end

-- one parseable line: requests/s, latency percentiles in ms, errors
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("BENCH rps=%.1f p50=%.3f p95=%.3f p99=%.3f max=%.3f requests=%d seconds=%.2f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, seconds, e.status, e.connect, e.read,
    e.write, e.timeout))
end
