-- wrk script: POST a form callback with a transaction_id unique to the thread and request.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-common.lua")

function init(args)
  prefix = "w" .. thread_id .. "-" .. os.time()
  counter = 0
end

function request()
  counter = counter + 1
  local body = "transaction_id=" .. prefix .. "-" .. counter .. "&tagg=HELP&message=Where+is+my+order%3F"
  return wrk.format("POST", "/tagga", {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
