-- wrk script of bench/run.ts: cycles through the paths given after `--` (one per variant of a
-- page, so no figure is that of one repeated URL) and prints the figures as one JSON line.
local paths = {}
local i = 0

function init(args)
  for _, p in ipairs(args) do
    paths[#paths + 1] = p
  end
  if #paths == 0 then
    paths[1] = "/"
  end
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,"readErrors":%d,' ..
    '"writeErrors":%d,"statusErrors":%d,"timeouts":%d,"p50Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean))
end
