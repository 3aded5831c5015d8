-- wrk script: every request opens one case (the durable write path of the API).
-- PACE_MS (environment): mean think time in milliseconds between one client's response and its next request; unset or 0
-- = closed loop (each client sends its next request at once: the saturation test).
wrk.method = "POST"
wrk.path = "/api/v1/cases"
wrk.headers["Content-Type"] = "application/json"
-- RESPONDENTS (environment): how many different respondent companies the intakes name, in turn (default 1000).
-- With 1 every case names the same company, whose complaint history (and flag count) then grows by one per request:
-- the worst case for the black-intermediary look-ups that run at every intake.
local respondents = tonumber(os.getenv("RESPONDENTS") or "1000") or 1000
local counter = 0

function request()
  counter = counter + 1
  local body = '{"kind":"complaint","narrative":"在平台做骑手，公司拖欠两个月工资8000元，先交押金300元才能上岗。",'
    .. '"respondent":{"name":"快跑配送' .. (counter % respondents) .. '号有限公司","type":"employer"},"department":"劳动监察"}'
  return wrk.format(nil, nil, nil, body)
end

local pace = tonumber(os.getenv("PACE_MS") or "0") or 0

-- A think time drawn uniformly from 0..2×PACE_MS (mean PACE_MS): a fixed one would keep the 50 clients in step,
-- sending in bursts of 50 that measure the burst, not the service.
math.randomseed(os.time() + math.floor(os.clock() * 1000000))

function delay()
  if pace <= 0 then return 0 end
  return math.random(0, 2 * pace)
end

done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("non-2xx responses: %d\n", non2xx))
end
