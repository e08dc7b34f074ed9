/**
 * One atomic step of a fixed-window counter with a block, run inside Redis so
 * that concurrent requests from any number of gateway replicas can never both
 * see "under the limit" for the last slot.
 *
 * KEYS[1] hit counter, KEYS[2] block marker (same hash tag, so a cluster keeps them on one slot).
 * ARGV[1] window (ms), ARGV[2] limit, ARGV[3] block duration (ms).
 * Returns { totalHits, windowLeftMs, blocked (0|1), blockLeftMs }.
 *
 * Semantics follow @nestjs/throttler's in-memory storage: the request that
 * goes past the limit starts the block; while blocked nothing is counted;
 * once the block ends the count starts again from zero.
 */
export const INCREMENT_SCRIPT = `
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local blockFor = tonumber(ARGV[3])

local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return { hits, blockLeft, 1, blockLeft }
end

local hits = redis.call('INCR', KEYS[1])
local windowLeft = redis.call('PTTL', KEYS[1])
if windowLeft < 0 then
  -- First hit of a window (or a counter that somehow lost its expiry): the window starts now.
  redis.call('PEXPIRE', KEYS[1], window)
  windowLeft = window
end

if hits > limit then
  if blockFor > 0 then
    redis.call('SET', KEYS[2], '1', 'PX', blockFor)
    -- The next window starts after the block, with a fresh count.
    redis.call('DEL', KEYS[1])
    return { hits, windowLeft, 1, blockFor }
  end
  -- No block duration: refused until the window ends.
  return { hits, windowLeft, 1, windowLeft }
end
return { hits, windowLeft, 0, 0 }
`;
