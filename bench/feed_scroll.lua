-- wrk script for feed_at_scale.sh: signed-in viewers scrolling the For You feed. Run it
-- with as many threads as connections (wrk -tN -cN): a wrk thread's Lua state then
-- belongs to one connection, so each connection plays one viewer at a time — the first
-- page, then next_cursor page after page, then the next viewer.
--   $TOKENS           bearer tokens, one per line (the seeder's bench_tokens.txt)
--   $FIRST_TOKEN      where this run's viewers start in that list (runs use their own)
--   $THREADS          the number of wrk threads (= connections)
--   $SESSION_PAGES    a session scrolls 1..SESSION_PAGES pages, uniformly (default 10)
--   $FEED_PATH        the path asked for (default /api/v1/feed; the bench's reference asks
--                     for a feed page saved as a static file)
--   $FEED_QUERY       the query string before the cursor (default limit=10)
--   $FINISHED         when set, the viewer also reports what they watched after each page,
--                     as an app does: POST /api/v1/events with an impression for every clip
--                     and a finished watch for $FINISHED of them (so the ranking learns,
--                     and prepared pages are made again; see prepared_feeds.h)
-- Every session is a viewer not used before in the run, so no page is served from places
-- prepared for an earlier session of the same viewer (in life, hours apart).
local threads = {}
local path = (os.getenv("FEED_PATH") or "/api/v1/feed") .. "?" .. (os.getenv("FEED_QUERY") or "limit=10")
local max_pages = tonumber(os.getenv("SESSION_PAGES") or "10")
local finished = tonumber(os.getenv("FINISHED") or "") or -1

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

local tokens, token, cursor, page, pages, next_index, stride, report
sessions, reused, requests, event_posts = 0, 0, 0, 0

function init(args)
  tokens = {}
  for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
  math.randomseed(os.time() + id * 7919)
  -- Thread `id` of T takes viewers first+id, first+id+T, … ($THREADS is T).
  stride = tonumber(os.getenv("THREADS"))
  next_index = tonumber(os.getenv("FIRST_TOKEN") or "0") + id
end

-- The events an app sends after watching `ids`: all seen, the first `finished` finished.
local function events_body(ids)
  local now = os.time() * 1000
  local events = {}
  for i, vid in ipairs(ids) do
    local base = string.format('"id":"b%d-%d-%d","video_id":"%s","at":%d', id, event_posts, i, vid, now)
    events[#events + 1] = '{"type":"impression",' .. base .. '}'
    if i <= finished then
      events[#events + 1] = string.format(
        '{"type":"watch","id":"w%d-%d-%d","video_id":"%s","at":%d,"watched_ms":8000,' ..
        '"duration_ms":8000,"completed":true}', id, event_posts, i, vid, now)
    end
  end
  return '{"events":[' .. table.concat(events, ",") .. ']}'
end

function request()
  if report ~= nil then
    local body = report
    report = nil
    event_posts = event_posts + 1
    return wrk.format("POST", "/api/v1/events", {
      ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
  end
  if token == nil or page >= pages or cursor == nil then
    token = tokens[next_index % #tokens + 1]
    if next_index >= #tokens then reused = reused + 1 end
    next_index = next_index + stride
    sessions = sessions + 1
    cursor, page, pages = "", 0, math.random(max_pages)
  end
  page = page + 1
  requests = requests + 1
  local url = path
  if cursor ~= "" then url = url .. "&cursor=" .. cursor end
  return wrk.format("GET", url, { ["Authorization"] = "Bearer " .. token })
end

local awaiting_page = true
function response(status, headers, body)
  local was_page = awaiting_page
  awaiting_page = true
  if not was_page then return end  -- the events post's answer
  if status ~= 200 then
    cursor = nil  -- end the session; the bench checks for errors separately
    return
  end
  cursor = body:match('"next_cursor":"([^"]+)"')
  if finished >= 0 then
    local ids = {}
    for vid in body:gmatch('"id":"(vid_[^"]+)"') do ids[#ids + 1] = vid end
    report = events_body(ids)
    awaiting_page = false
  end
end

function done(summary, latency, requests_done)
  local s, r, n, e = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sessions")
    r = r + t:get("reused")
    n = n + t:get("requests")
    e = e + t:get("event_posts")
  end
  io.write(string.format("scroll: %d sessions, %.2f pages each, %d viewers used twice, " ..
    "%d event posts, %.2f pages/s\n", s, n / math.max(s, 1), r, e, n / (summary.duration / 1e6)))
end
