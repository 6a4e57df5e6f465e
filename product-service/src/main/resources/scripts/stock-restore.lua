-- Give stock back (or take it, for negative ARGV) where Redis holds it. A key that is not loaded stays unloaded:
-- it is read from MySQL when next needed, which already has the change. KEYS[i] += ARGV[i].
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    redis.call('INCRBY', KEYS[i], ARGV[i])
  end
end
return 0
