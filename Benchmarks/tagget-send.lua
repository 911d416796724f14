-- wrk script: POST a valid Tagget send (the simulator's credentials) to a number unique to the thread and request.
local threads = 0

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  local to = string.format("+1556%d%06d", thread_id, counter % 1000000)
  local body = '{"body":"Shop opens at 9 tomorrow","id":1001,"sender":"Switchboard","to":"' .. to .. '","token":"sim-token"}'
  return wrk.format("POST", "/engage/send_sms", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
