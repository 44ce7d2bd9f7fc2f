-- Assigns a hit to its visitor's visit, in one atomic step per hit (Plausible's rule: a visit goes on
-- while the visitor is seen again within the timeout of their last event; midnight does not end it).
-- What it answers is stored in the hit's raw row, so a rebuild from MySQL replays exactly these visits.
-- KEYS[1] the visitor's visit (a hash, shared by every replica); KEYS[2], just after the site's local
-- midnight, the same person's visit under yesterday's visitor id (the salt changed, the visit goes on).
-- ARGV: now (ms), event id, kind ('p' page view, 'i' interactive event, 'n' non-interactive event,
--       'e' engagement), path, timeout (ms), the hit's own visit attributes (one string).
-- Returns {visit id, start ms, flags, duration added (ms), previous exit page, entry page, attributes},
-- or {} for an engagement event outside any visit (it starts none).
-- flags: 1 the visit starts here, 2 it starts as a bounce, 4 this is its entry page view,
--        8 this hit ends the visit's bounce (a second page view or an interactive event),
--        16 its entry page view leaves the visit a bounce so far (bounce rates of entry pages).
local now, id, kind, path, timeout = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local fields = {'id', 'start', 'last', 'pv', 'engaged', 'exit', 'entry', 'attrs'}
local v = redis.call('HMGET', KEYS[1], unpack(fields))
local live = v[1] and now - tonumber(v[3]) < timeout
if not live and KEYS[2] then
  local before = redis.call('HMGET', KEYS[2], unpack(fields))
  if before[1] and now - tonumber(before[3]) < timeout then
    v, live = before, true
  end
end
if kind == 'e' then
  if not live then
    return {}
  end
  return {v[1], v[2], 0, 0, '', v[7], v[8]}
end
local flags, added, exitFrom = 0, 0, ''
local pv, engaged, exit, entry
if not live then
  flags = 1
  v[1], v[2], v[3], v[8] = id, tostring(now), now, ARGV[6]
  pv, engaged, exit, entry = 0, 0, '', ''
else
  pv, engaged, exit, entry = tonumber(v[4]), tonumber(v[5]), v[6], v[7]
  if now > tonumber(v[3]) then
    added = now - tonumber(v[3])
    v[3] = now
  end
end
if kind == 'p' then
  pv = pv + 1
  exitFrom = exit
  exit = path
  if entry == '' then
    entry = path
    flags = flags + 4
  end
end
local engages = pv >= 2 or kind == 'i'
if engaged == 0 then
  if engages then
    engaged = 1
    if flags % 2 == 0 then
      flags = flags + 8
    end
  elseif flags % 2 == 1 then
    flags = flags + 2
  end
end
if flags % 8 >= 4 and engaged == 0 then
  flags = flags + 16
end
redis.call('HSET', KEYS[1], 'id', v[1], 'start', v[2], 'last', v[3], 'pv', pv, 'engaged', engaged,
  'exit', exit, 'entry', entry, 'attrs', v[8])
redis.call('PEXPIRE', KEYS[1], timeout + 60000)
return {v[1], v[2], flags, added, exitFrom, entry, v[8]}
