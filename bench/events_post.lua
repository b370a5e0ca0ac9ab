-- wrk script for feed_at_scale.sh: apps reporting what their viewers watched. Run with as
-- many threads as connections (wrk -tN -cN). Each connection signs in as its own viewer
-- (a token from $TOKENS, from $FIRST_TOKEN on), asks for one feed page to learn real clip
-- ids, then posts batches of 20 new events about those clips again and again: an
-- impression and a watch for each of the 10 (every third finished). done() prints the
-- events posted per second.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

local token, ids
posts = 0

function init(args)
  local tokens = {}
  for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
  token = tokens[(tonumber(os.getenv("FIRST_TOKEN") or "0") + id) % #tokens + 1]
end

function request()
  local headers = { ["Authorization"] = "Bearer " .. token }
  if ids == nil then return wrk.format("GET", "/api/v1/feed?limit=10", headers) end
  posts = posts + 1
  local now = os.time() * 1000
  local events = {}
  for i, vid in ipairs(ids) do
    local key = string.format("%d-%d-%d", id, posts, i)
    events[#events + 1] = string.format(
      '{"id":"i%s","type":"impression","video_id":"%s","at":%d}', key, vid, now)
    events[#events + 1] = string.format(
      '{"id":"w%s","type":"watch","video_id":"%s","at":%d,"watched_ms":%d,"duration_ms":8000,' ..
      '"completed":%s}', key, vid, now, i % 3 == 0 and 8000 or 3000, tostring(i % 3 == 0))
  end
  headers["Content-Type"] = "application/json"
  return wrk.format("POST", "/api/v1/events", headers,
    '{"events":[' .. table.concat(events, ",") .. ']}')
end

function response(status, headers, body)
  if ids == nil and status == 200 then
    ids = {}
    for vid in body:gmatch('"id":"(vid_[^"]+)"') do ids[#ids + 1] = vid end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("posts") end
  io.write(string.format("events: %d batches of 20, %.0f events/s\n", total,
    total * 20 / (summary.duration / 1e6)))
end
