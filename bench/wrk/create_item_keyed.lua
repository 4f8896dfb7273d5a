-- POST /items/ with a new Idempotency-Key on every request: the cost of taking and keeping a key.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local body = '{"title":"benchmark item","description":"written by the create_item_keyed scenario"}'
local prefix
local counter = 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  prefix = string.format("%08x%08x", math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
                                  ["Idempotency-Key"] = prefix .. "-" .. counter}, body)
end
