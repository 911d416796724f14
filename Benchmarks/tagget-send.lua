-- wrk script: POST a valid Tagget send (the simulator's credentials) to a number unique to the thread and request.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-common.lua")

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  local to = string.format("+1556%d%06d", thread_id, counter % 1000000)
  local body = '{"body":"Shop opens at 9 tomorrow","id":1001,"sender":"Switchboard","to":"' .. to .. '","token":"sim-token"}'
  return wrk.format("POST", "/engage/send_sms", {["Content-Type"] = "application/json"}, body)
end
