-- Books distinct free slots. The bench script writes the list (ACUBACK_BENCH_STARTS): each
-- entry is a practitioner, a start and a patient. Thread n of t takes entries n, n + t, n + 2t…
-- so no two requests ask for the same slot; every 409 is the server refusing a taken one.
local starts = dofile(os.getenv("ACUBACK_BENCH_STARTS"))
local token = os.getenv("ACUBACK_BENCH_TOKEN")
local stride = tonumber(os.getenv("ACUBACK_BENCH_THREADS"))
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  created, conflicts, others, index = 0, 0, 0, 0
end

function request()
  local slot = starts[index * stride + id + 1]
  index = index + 1
  if slot == nil then slot = starts[id + 1] end
  local body = string.format('{"practitionerId": "%s", "start": "%s", "patientId": "%s", "kind": "treatment"}', slot[1], slot[2], slot[3])
  return wrk.format("POST", "/api/v1/appointments", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 elseif status == 409 then conflicts = conflicts + 1 else others = others + 1 end
end

function done(summary, latency, requests)
  local c, k, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created"); k = k + thread:get("conflicts"); o = o + thread:get("others")
  end
  io.write(string.format("BOOKINGS created=%d conflicts=%d others=%d\n", c, k, o))
end
