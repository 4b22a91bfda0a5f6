-- A POST with a JSON body and a bearer token, both from the environment.
wrk.method = "POST"
wrk.body = os.getenv("ACUBACK_BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ACUBACK_BENCH_TOKEN")
