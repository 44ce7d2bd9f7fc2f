-- Keeps the merge of a period's closed buckets (sorted sets or HyperLogLogs), made again only when
-- a late event reached a closed bucket since (the site's "late" counter moved) or it expired.
-- KEYS[1] the site's late counter, KEYS[2] the merge, KEYS[3] the merge's version, KEYS[4..] the buckets.
-- ARGV[1] 'z' (ZUNIONSTORE) or 'h' (PFMERGE), ARGV[2] seconds to keep the merge.
-- Returns 1 when it was made now, 0 when it was current.
local late = redis.call('GET', KEYS[1]) or '0'
local made = redis.call('GET', KEYS[3])
if made == late .. '/0' or (made == late .. '/1' and redis.call('EXISTS', KEYS[2]) == 1) then
  return 0
end
redis.call('DEL', KEYS[2])
if ARGV[1] == 'z' then
  redis.call('ZUNIONSTORE', KEYS[2], #KEYS - 3, unpack(KEYS, 4))
else
  redis.call('PFMERGE', KEYS[2], unpack(KEYS, 4))
end
redis.call('EXPIRE', KEYS[2], ARGV[2])
-- an empty union stores no key: remember that it is empty
redis.call('SET', KEYS[3], late .. '/' .. redis.call('EXISTS', KEYS[2]), 'EX', ARGV[2])
return 1
