-- wrk script: every request opens one case (the durable write path of the API).
-- PACE_MS (environment): think time in milliseconds between one client's response and its next request; unset or 0
-- = closed loop (each client sends its next request at once: the saturation test).
wrk.method = "POST"
wrk.path = "/api/v1/cases"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"kind":"complaint","narrative":"在平台做骑手，公司拖欠两个月工资8000元，先交押金300元才能上岗。","respondent":{"name":"快跑配送有限公司","type":"employer"},"department":"劳动监察"}'

local pace = tonumber(os.getenv("PACE_MS") or "0") or 0

function delay()
  return pace
end

done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("non-2xx responses: %d\n", non2xx))
end
