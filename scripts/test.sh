#!/usr/bin/env bash
# The test command (README): installs and starts what the tests need when it is missing, then runs
# the Maven build. Idempotent; safe to run again. Needs root (or sudo) for apt-get on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the tests talk to for real: pcscd + vpcd (virtual reader), OpenSC (a JPKI
# driver we did not write), openssl (OCSP responder, CA), wrk (HTTP load), Chromium (browser
# tests, with a Japanese font for their screenshots), PostgreSQL and Redis.
packages=(pcscd vsmartcard-vpcd opensc opensc-pkcs11 openssl wrk chromium chromium-driver
          postgresql redis-server curl unzip fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# pcscd loads vpcd, which listens on 127.0.0.1:35963 for a virtual card (the card simulator).
if ! pgrep -x pcscd >/dev/null; then
  as_root mkdir -p /run/pcscd
  as_root pcscd
fi

# PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379.
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
for i in $(seq 1 50); do
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 0.2
done

# Tests that need a component fail (never skip) when it is missing; CI=true makes that explicit.
export CI="${CI:-true}"
exec ./mvnw -B verify "$@"
