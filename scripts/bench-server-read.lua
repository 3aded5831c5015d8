-- wrk script: every request reads case 1 (case, timeline, links, deadline). PACE_MS as in bench-server-create.lua.
wrk.method = "GET"
wrk.path = "/api/v1/cases/1"

local pace = tonumber(os.getenv("PACE_MS") or "0") or 0

function delay()
  return pace
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d\n", summary.errors.status))
end
