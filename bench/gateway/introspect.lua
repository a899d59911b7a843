-- wrk script: RFC 7662 introspection POSTs to Keycloak with client authentication (HTTP Basic).
-- Env: INTROSPECT_PATH, INTROSPECT_BASIC (base64 client_id:secret), INTROSPECT_TOKEN.
-- Every request is identical (one active token), the cheapest case for Keycloak.
wrk.method = "POST"
wrk.path = os.getenv("INTROSPECT_PATH") or "/realms/master/protocol/openid-connect/token/introspect"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. (os.getenv("INTROSPECT_BASIC") or "")
wrk.body = "token=" .. (os.getenv("INTROSPECT_TOKEN") or "")

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d "
      .. "non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
