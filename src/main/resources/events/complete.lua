-- Publishes the events of a finished batch and acknowledges its queue entries, in one step.
-- KEYS[1] queue stream, KEYS[2] page-view stream
-- ARGV[1] group, ARGV[2] consumer, then pairs: entry id, event JSON ('' acknowledges only)
local acked = 0
for i = 3, #ARGV, 2 do
  local id = ARGV[i]
  -- only the consumer that still owns the entry may publish it: a claimed entry is someone else's now
  local owned = redis.call('XPENDING', KEYS[1], ARGV[1], id, id, 1, ARGV[2])
  if #owned == 1 then
    if ARGV[i + 1] ~= '' then
      redis.call('XADD', KEYS[2], '*', 'e', ARGV[i + 1]) -- 'e' is StreamFields.EVENT
    end
    redis.call('XACK', KEYS[1], ARGV[1], id)
    redis.call('XDEL', KEYS[1], id)
    acked = acked + 1
  end
end
return acked
