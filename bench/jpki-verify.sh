#!/usr/bin/env bash
# JMH benchmark of card assertion verification + certificate path validation (cached revocation) next to
# a bare RSA-2048 signature verification in the same run; prints ops/s and the ratio.
# Usage: bench/jpki-verify.sh [warmups iterations seconds forks]   (defaults: 2 3 1 1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -pl jpki -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
exec java -cp "jpki/target/test-classes:jpki/target/classes:$(cat jpki/target/test-classpath.txt)" \
  io.mynagate.jpki.bench.VerifyBenchmarkMain "$@"
