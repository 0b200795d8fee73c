-- wrk script of bench/web.sh: every request asks for a random line of FILE (a URL-encoded search query, or a document id)
-- with the personal API token, and counts each answer that is not 200 (wrk itself counts only 4xx/5xx and socket errors).
-- Usage: wrk ... -s bench/web.lua URL -- search|cold|page FILE TOKEN
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  mode, token = args[1], args[3]
  items = {}
  for line in io.lines(args[2]) do
    if #line > 0 then items[#items + 1] = line end
  end
  -- A fixed sequence per thread, different between threads: runs are comparable, threads do not ask in lockstep.
  math.randomseed(id * 7919)
  headers = { ["Authorization"] = "Bearer " .. token }
  not_ok = 0
end

-- A number in letters: the analyzer keeps a run of letters as one term.
local function letters(n)
  local s = ""
  repeat s = string.char(97 + n % 26) .. s; n = math.floor(n / 26) until n == 0
  return s
end

asked = 0
function request()
  local item = items[math.random(#items)]
  local path
  if mode == "page" then
    path = "/van-ban/" .. item
  elseif mode == "cold" then
    -- The same query made new each time by excluding a word no document has: same results, nothing cached to answer from.
    asked = asked + 1
    path = "/api/v1/search?size=20&q=" .. item .. "%20-zqx" .. letters(id) .. "q" .. letters(asked)
  else
    path = "/api/v1/search?size=20&q=" .. item
  end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
  local not200 = 0
  for _, thread in ipairs(threads) do not200 = not200 + (thread:get("not_ok") or 0) end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f not200=%d socket_errors=%d timeouts=%d seconds=%.1f\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, not200, e.connect + e.read + e.write, e.timeout, summary.duration / 1e6))
end
