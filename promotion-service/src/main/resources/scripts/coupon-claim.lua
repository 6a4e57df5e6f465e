-- Claim one coupon of a template for a member, within the total and the member's limit, in one step.
-- KEYS[1] = remaining count of the template, KEYS[2] = hash member -> claims of the template.
-- ARGV[1] = member id, ARGV[2] = per-member limit.
-- Returns the member's claim number (1..limit), -1 sold out, -2 not loaded, -3 member limit reached.
local remaining = redis.call('GET', KEYS[1])
if not remaining then
  return -2
end
if tonumber(remaining) <= 0 then
  return -1
end
local claimed = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if claimed >= tonumber(ARGV[2]) then
  return -3
end
redis.call('DECR', KEYS[1])
return redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
