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
  -- wrk.format takes these headers instead of wrk.headers: the bearer token comes along by hand
  local headers = {["Content-Type"] = "application/json", ["Idempotency-Key"] = prefix .. "-" .. counter}
  for name, value in pairs(wrk.headers) do
    headers[name] = headers[name] or value
  end
  return wrk.format("POST", nil, headers, body)
end
