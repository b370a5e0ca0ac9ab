-- wrk script: random 1 MiB ranges of an 8 MiB file, as a seeking video player asks.
local size = 8 * 1024 * 1024
local chunk = 1024 * 1024

request = function()
  local first = math.random(0, size - chunk)
  return wrk.format("GET", nil, { ["Range"] = "bytes=" .. first .. "-" .. (first + chunk - 1) })
end
