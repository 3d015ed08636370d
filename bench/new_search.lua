-- wrk script: every request a search never asked before. The page's path (a search,
-- ?q=...) gains an exclusion of a word no article holds, numbered by thread and request:
-- the same matches, but a new list, so nothing kept for an earlier one serves it
-- (articles/list_memo.py). bench/scale_bench.py passes it with -s.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local sent = 0

function request()
  sent = sent + 1
  return wrk.format(nil, wrk.path .. "+-zznew" .. thread_number .. "x" .. sent)
end
