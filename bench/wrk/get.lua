dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "GET"
