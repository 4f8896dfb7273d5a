-- GET with the If-None-Match of BENCH_ETAG: the answer is 304 and no body while the resource is unchanged.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "GET"
wrk.headers["If-None-Match"] = os.getenv("BENCH_ETAG")
