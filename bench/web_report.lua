-- wrk script for bench/web_bench.sh: GETs the URL given to wrk with the
-- session cookie, and counts every response that is not 200 (a 303 to the
-- sign-in page would otherwise pass as success).
-- usage: wrk ... -s bench/web_report.lua URL -- COOKIE
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.headers["Cookie"] = args[1]
  not200 = 0
  first_status = nil
end

function response(status, headers, body)
  if status ~= 200 then
    not200 = not200 + 1
    first_status = first_status or status
  end
end

function done(summary, latency, requests)
  local n, first = 0, nil
  for _, t in ipairs(threads) do
    n = n + t:get("not200")
    first = first or t:get("first_status")
  end
  io.write(string.format("not-200 responses: %d%s\n", n, first and (" (first: " .. first .. ")") or ""))
end
