-- Gives back a claim that MySQL refused (or that failed after the script). KEYS/ARGV as in coupon-claim.lua.
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('INCR', KEYS[1])
end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  redis.call('HINCRBY', KEYS[2], ARGV[1], -1)
end
return 0
