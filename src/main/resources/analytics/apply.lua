-- Applies one site's pre-aggregated batch of events to its read model, at most once.
-- KEYS[1] is the site's position key (stream id of the last applied event); KEYS[2..] the aggregates.
-- ARGV[1] expected position ('' = none yet), ARGV[2] new position,
-- ARGV[3] = m, then m pairs (key index, ttl seconds) to expire,
-- then ops: 'i' key n (INCRBY) | 'z' key member n (ZINCRBY) | 'p' key count e1..ecount (PFADD).
-- Returns 1 when applied, 0 when the position had moved on (another projector applied it first).
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then
  return 0
end
local m = tonumber(ARGV[3])
local i = 4 + 2 * m
while i <= #ARGV do
  local op, key = ARGV[i], KEYS[tonumber(ARGV[i + 1])]
  if op == 'i' then
    redis.call('INCRBY', key, ARGV[i + 2])
    i = i + 3
  elseif op == 'z' then
    redis.call('ZINCRBY', key, ARGV[i + 3], ARGV[i + 2])
    i = i + 4
  else
    local n = tonumber(ARGV[i + 2])
    redis.call('PFADD', key, unpack(ARGV, i + 3, i + 2 + n))
    i = i + 3 + n
  end
end
redis.call('SET', KEYS[1], ARGV[2])
for e = 4, 3 + 2 * m, 2 do
  redis.call('EXPIRE', KEYS[tonumber(ARGV[e])], tonumber(ARGV[e + 1]))
end
return 1
