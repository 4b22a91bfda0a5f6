-- A GET with the signed-in session's cookie or a bearer token from the environment.
local cookie = os.getenv("ACUBACK_BENCH_COOKIE")
local token = os.getenv("ACUBACK_BENCH_TOKEN")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
