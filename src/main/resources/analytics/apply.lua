-- Applies a batch of one site's events to its read model, at most once each.
-- KEYS[1] is the site's position key (stream id of the last applied event); KEYS[2..] the aggregates.
-- ARGV[1] = m, then m pairs (key index, ttl seconds) to expire after applying;
-- then per event: stream id, op count n, and n triples (op, key index, argument).
-- ops: i = INCRBY 1, p = PFADD argument, z = ZINCRBY 1 argument.
local function after(a, b)
  local am, as = string.match(a, '^(%d+)-(%d+)$')
  local bm, bs = string.match(b, '^(%d+)-(%d+)$')
  am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
  return am > bm or (am == bm and as > bs)
end

local last = redis.call('GET', KEYS[1])
local m = tonumber(ARGV[1])
local i = 2 + 2 * m
local applied = 0
while i <= #ARGV do
  local id = ARGV[i]
  local n = tonumber(ARGV[i + 1])
  i = i + 2
  if last == false or after(id, last) then
    for j = i, i + 3 * (n - 1), 3 do
      local op, key, arg = ARGV[j], KEYS[tonumber(ARGV[j + 1])], ARGV[j + 2]
      if op == 'i' then
        redis.call('INCRBY', key, 1)
      elseif op == 'p' then
        redis.call('PFADD', key, arg)
      elseif op == 'z' then
        redis.call('ZINCRBY', key, 1, arg)
      end
    end
    last = id
    applied = applied + 1
  end
  i = i + 3 * n
end
if applied > 0 then
  redis.call('SET', KEYS[1], last)
  for e = 2, 2 * m, 2 do
    redis.call('EXPIRE', KEYS[tonumber(ARGV[e])], tonumber(ARGV[e + 1]))
  end
end
return applied
