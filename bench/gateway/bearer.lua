-- wrk script: GET BENCH_PATH with "Authorization: Bearer <token>", tokens taken round-robin from
-- TOKENS_FILE (one compact JWS per line). Env:
--   TOKENS_FILE   token pool (required)
--   TOKENS_LIMIT  use only the first N tokens (0 or unset: all); a small N gives cache hits
--   BENCH_PATH    request path (default /api/hello)
-- Each wrk thread starts at its own offset in the pool so threads do not send the same token at
-- the same moment. done() prints one machine-readable RESULT line that run.sh parses.

local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("TOKENS_FILE") or error("TOKENS_FILE is not set")
  local limit = tonumber(os.getenv("TOKENS_LIMIT") or "0") or 0
  tokens = {}
  for line in io.lines(file) do
    if #line > 0 then
      tokens[#tokens + 1] = "Bearer " .. line
      if limit > 0 and #tokens >= limit then break end
    end
  end
  if #tokens == 0 then error("no tokens in " .. file) end
  local path = os.getenv("BENCH_PATH") or "/api/hello"
  -- Every request is formatted once here, not per request: wrk.format builds a kilobyte string
  -- in Lua, and the load generator's CPU is taken from the servers on this shared machine.
  requests = {}
  for i, authorization in ipairs(tokens) do
    requests[i] = wrk.format("GET", path, { ["Authorization"] = authorization })
  end
  local nthreads = tonumber(os.getenv("WRK_THREADS") or "1") or 1
  counter = math.floor(thread_index * #requests / nthreads)
end

function request()
  counter = counter + 1
  if counter > #requests then counter = 1 end
  return requests[counter]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d "
      .. "non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
