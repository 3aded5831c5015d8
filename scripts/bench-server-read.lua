-- wrk script: every request reads case 1 (case, timeline, links, deadline). PACE_MS as in bench-server-create.lua.
wrk.method = "GET"
wrk.path = "/api/v1/cases/1"

local pace = tonumber(os.getenv("PACE_MS") or "0") or 0

-- A think time drawn uniformly from 0..2×PACE_MS (mean PACE_MS): a fixed one would keep the 50 clients in step,
-- sending in bursts of 50 that measure the burst, not the service.
math.randomseed(os.time() + math.floor(os.clock() * 1000000))

function delay()
  if pace <= 0 then return 0 end
  return math.random(0, 2 * pace)
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d\n", summary.errors.status))
end
