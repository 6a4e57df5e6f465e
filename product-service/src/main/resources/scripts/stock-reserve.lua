-- Reserve a basket all-or-nothing. KEYS[1] = the order's marker, KEYS[2..n] = available stock per SKU.
-- ARGV[1..n-1] = quantities, ARGV[n] = marker lifetime in seconds.
-- Returns {0} reserved, {-1} this order already reserved here, {-2, i} stock of line i not loaded, {-3, i} line i short.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {-1}
end
for i = 2, #KEYS do
  local available = redis.call('GET', KEYS[i])
  if not available then
    return {-2, i - 1}
  end
  if tonumber(available) < tonumber(ARGV[i - 1]) then
    return {-3, i - 1}
  end
end
for i = 2, #KEYS do
  redis.call('DECRBY', KEYS[i], ARGV[i - 1])
end
redis.call('SET', KEYS[1], '1', 'EX', ARGV[#KEYS])
return {0}
