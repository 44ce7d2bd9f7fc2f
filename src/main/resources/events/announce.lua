-- Publishes site events only while the site stream is empty, in one step: replicas that start
-- together after Redis lost its data announce the sites once, not once each.
-- KEYS[1] the site stream; ARGV pairs of (type, encoded event). Returns how many were published.
if redis.call('XLEN', KEYS[1]) > 0 then
  return 0
end
for i = 1, #ARGV, 2 do
  redis.call('XADD', KEYS[1], '*', 't', ARGV[i], 'e', ARGV[i + 1])
end
return #ARGV / 2
