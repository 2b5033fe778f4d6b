-- wrk script for bench/web_bench.sh: answer autosaves, as the questionnaire
-- page sends them (PUT /api/assessments/{id}/answers/{criterion} with the
-- answer's version and the CSRF header).
--
-- A save against a stale version is refused (409), so each wrk thread owns
-- its own drafts, and every (draft, criterion) pair is a "slot" whose version
-- the thread knows: a request takes a slot no other request of the thread
-- has in flight and sends its version; the response (its evidence names the
-- slot) gives the new version. Every save is therefore a real edit of a
-- stored answer and is expected to answer 200.
--
-- usage: wrk ... -s bench/web_autosave.lua URL -- COOKIE CSRF DRAFT_IDS CRITERIA THREADS
--   DRAFT_IDS, CRITERIA: comma-separated; CRITERIA take the values 1 to 4
--   (the scene-level scale of sme-digital-2024).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function split(s)
  local out = {}
  for item in string.gmatch(s, "[^,]+") do table.insert(out, item) end
  return out
end

function init(args)
  wrk.headers["Cookie"] = args[1]
  wrk.headers["X-CSRF-Token"] = args[2]
  wrk.headers["Content-Type"] = "application/json"
  local drafts, criteria, nthreads = split(args[3]), split(args[4]), tonumber(args[5])
  slots = {}
  for i, draft in ipairs(drafts) do
    if (i - 1) % nthreads == id then
      for _, criterion in ipairs(criteria) do
        table.insert(slots, { path = "/api/assessments/" .. draft .. "/answers/" .. criterion,
                              version = 0, busy = false, n = 0 })
      end
    end
  end
  cursor = 1
  not200, no_slot, lost = 0, 0, 0
  first_error = nil
end

function request()
  for _ = 1, #slots do
    local k = cursor
    cursor = cursor % #slots + 1
    local s = slots[k]
    if not s.busy then
      s.busy = true
      s.n = s.n + 1
      local body = string.format('{"value": %d, "evidence": "slot-%d", "note": "wrk save %d", "version": %d}',
                                 s.n % 4 + 1, k, s.n, s.version)
      return wrk.format("PUT", s.path, nil, body)
    end
  end
  -- Every slot in flight: cannot happen with more slots than connections.
  no_slot = no_slot + 1
  return wrk.format("PUT", slots[1].path, nil, '{"value": 1, "version": -1}')
end

function response(status, headers, body)
  local k = tonumber(string.match(body, '"evidence":"slot%-(%d+)"'))
  local s = k and slots[k]
  if status ~= 200 then
    not200 = not200 + 1
    first_error = first_error or (status .. " " .. string.sub(body, 1, 300))
  end
  if not s then
    lost = lost + 1  -- the slot stays busy: its version is unknown
    return
  end
  local version
  if status == 200 then
    version = string.match(body, '"version":(%d+)')
  else
    version = string.match(body, '"current":{.-"version":(%d+)')  -- a 409: the stored version
  end
  if version then s.version = tonumber(version) end
  s.busy = false
end

function done(summary, latency, requests)
  local n, none, gone, first = 0, 0, 0, nil
  for _, t in ipairs(threads) do
    n = n + t:get("not200")
    none = none + t:get("no_slot")
    gone = gone + t:get("lost")
    first = first or t:get("first_error")
  end
  io.write(string.format("not-200 responses: %d%s\n", n, first and (" (first: " .. first .. ")") or ""))
  if none > 0 or gone > 0 then
    io.write(string.format("script trouble: %d requests found no free slot, %d responses named no slot\n", none, gone))
  end
end
