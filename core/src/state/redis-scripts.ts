// Lua scripts the Redis store runs atomically. Lease expiry uses the Redis server's clock (TIME),
// so replicas whose clocks differ still agree on which leases lapsed.

/** KEYS[1]; ARGV: expected ('' with ARGV[3]=='0' means absent), next ('' with ARGV[4]=='0' means delete), ttlMs ('0': none). */
export const COMPARE_AND_SET = `
local cur = redis.call('GET', KEYS[1])
if ARGV[3] == '0' then
  if cur then return 0 end
elseif cur ~= ARGV[1] then
  return 0
end
if ARGV[4] == '0' then
  redis.call('DEL', KEYS[1])
elseif tonumber(ARGV[5]) > 0 then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[5])
else
  redis.call('SET', KEYS[1], ARGV[2])
end
return 1`;

/** KEYS[1]; ARGV: value, ttlMs. */
export const RAISE = `
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
local want = tonumber(ARGV[1])
if want <= cur then return tostring(cur) end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]`;

/** KEYS: wait keys…, then the spacing key when ARGV[2]=='1'; ARGV: now, spaced, gapMs, ttlMs. */
export const RESERVE_AT = `
local at = tonumber(ARGV[1])
local n = #KEYS
if ARGV[2] == '1' then n = n - 1 end
for i = 1, n do
  local v = tonumber(redis.call('GET', KEYS[i]) or '0')
  if v > at then at = v end
end
if ARGV[2] == '1' then
  local k = KEYS[#KEYS]
  local v = tonumber(redis.call('GET', k) or '0')
  if v > at then at = v end
  redis.call('SET', k, tostring(at + tonumber(ARGV[3])), 'PX', ARGV[4])
end
return tostring(at)`;

const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS[1] (a sorted set holder → lapse time); ARGV: holder, limit, leaseMs. */
export const ACQUIRE_LEASE = `
${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local lease = tonumber(ARGV[3])
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[1], lease * 2)
return 1`;

/** KEYS[1]; ARGV: holder, leaseMs. */
export const RENEW_LEASE = `
${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
local lease = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[1], lease * 2)
return 1`;

/** KEYS[1]. */
export const COUNT_LEASES = `
${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])`;
