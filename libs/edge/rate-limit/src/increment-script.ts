/**
 * One atomic step of a fixed-window counter with an escalating block, run
 * inside Redis so that concurrent requests from any number of gateway
 * replicas can never both see "under the limit" for the last slot.
 *
 * KEYS[1] hit counter, KEYS[2] block marker, KEYS[3] strike counter (same
 * hash tag, so a cluster keeps them on one slot).
 * ARGV[1] window (ms), ARGV[2] limit, ARGV[3] first block duration (ms),
 * ARGV[4] longest block (ms), ARGV[5] how long strikes are remembered (ms).
 * Returns { totalHits, windowLeftMs, blocked (0|1), blockLeftMs, blockStarted (0|1), strikes }.
 *
 * Semantics follow @nestjs/throttler's in-memory storage: the request that
 * goes past the limit starts the block; while blocked nothing is counted;
 * once the block ends the count starts again from zero. On top of that,
 * which the throttler alone does not do, each block within the memory
 * period doubles the previous one (up to the longest block), so a client
 * that comes straight back after a block is shut out for longer each time.
 */
export const INCREMENT_SCRIPT = `
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local firstBlock = tonumber(ARGV[3])
local longestBlock = tonumber(ARGV[4])
local strikeMemory = tonumber(ARGV[5])

local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  local strikes = tonumber(redis.call('GET', KEYS[3]) or '0')
  return { hits, blockLeft, 1, blockLeft, 0, strikes }
end

local hits = redis.call('INCR', KEYS[1])
local windowLeft = redis.call('PTTL', KEYS[1])
if windowLeft < 0 then
  -- First hit of a window (or a counter that somehow lost its expiry): the window starts now.
  redis.call('PEXPIRE', KEYS[1], window)
  windowLeft = window
end

if hits > limit then
  if firstBlock > 0 then
    local strikes = redis.call('INCR', KEYS[3])
    redis.call('PEXPIRE', KEYS[3], strikeMemory)
    local blockFor = math.min(firstBlock * math.pow(2, strikes - 1), math.max(firstBlock, longestBlock))
    redis.call('SET', KEYS[2], '1', 'PX', blockFor)
    -- The next window starts after the block, with a fresh count.
    redis.call('DEL', KEYS[1])
    return { hits, windowLeft, 1, blockFor, 1, strikes }
  end
  -- No block duration: refused until the window ends.
  return { hits, windowLeft, 1, windowLeft, 0, 0 }
end
return { hits, windowLeft, 0, 0, 0, 0 }
`;
