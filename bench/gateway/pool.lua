-- wrk script: one token of a pool per request, round-robin, as one of two kinds of request:
--   KIND=bearer      GET BENCH_PATH with "Authorization: Bearer <token>" (a relying party's call)
--   KIND=introspect  POST INTROSPECT_PATH, form "token=<token>", client authentication by HTTP
--                    Basic INTROSPECT_BASIC (base64 of client_id:secret), as RFC 7662 asks
-- Env: TOKENS_FILE (one compact JWS per line; required), TOKENS_LIMIT (use only the first N; 0 or
-- unset: all; a small N gives cache hits), WRK_THREADS (each thread starts at its own offset).
-- done() prints one machine-readable RESULT line that run.sh parses.

local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

local function formatter()
  local kind = os.getenv("KIND") or "bearer"
  if kind == "bearer" then
    local path = os.getenv("BENCH_PATH") or "/api/hello"
    return function(token)
      return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
    end
  elseif kind == "introspect" then
    local path = os.getenv("INTROSPECT_PATH") or error("INTROSPECT_PATH is not set")
    local headers = {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Authorization"] = "Basic " .. (os.getenv("INTROSPECT_BASIC") or error("INTROSPECT_BASIC is not set")),
    }
    return function(token) return wrk.format("POST", path, headers, "token=" .. token) end
  end
  error("KIND must be bearer or introspect, not " .. kind)
end

function init(args)
  local file = os.getenv("TOKENS_FILE") or error("TOKENS_FILE is not set")
  local limit = tonumber(os.getenv("TOKENS_LIMIT") or "0") or 0
  local format = formatter()
  -- Every request is formatted once here, not per request: wrk.format builds a kilobyte string in
  -- Lua, and the load generator's CPU is taken from the servers on this shared machine.
  requests = {}
  for line in io.lines(file) do
    if #line > 0 then
      requests[#requests + 1] = format(line)
      if limit > 0 and #requests >= limit then break end
    end
  end
  if #requests == 0 then error("no tokens in " .. file) end
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
