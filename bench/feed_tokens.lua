-- wrk script for feed_at_scale.sh: each request is a first page of 10 for a random
-- signed-in viewer, whose bearer token comes from the file named by $TOKENS. $FEED_QUERY
-- replaces the query string (default limit=10).
local tokens = {}
local path = "/api/v1/feed?" .. (os.getenv("FEED_QUERY") or "limit=10")

function init(args)
  for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  local token = tokens[math.random(#tokens)]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
