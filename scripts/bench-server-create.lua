-- wrk script: every request opens one case (the durable write path of the API).
wrk.method = "POST"
wrk.path = "/api/v1/cases"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"kind":"complaint","narrative":"在平台做骑手，公司拖欠两个月工资8000元，先交押金300元才能上岗。","respondent":{"name":"快跑配送有限公司","type":"employer"},"department":"劳动监察"}'

done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("non-2xx responses: %d\n", non2xx))
end
