#!/usr/bin/env bash
# JMH benchmark of card assertion verification + certificate path validation (cached revocation) next to
# a bare RSA-2048 signature verification in the same run; prints ops/s and the ratio. Then the same
# operations timed by the measuring thread's CPU time (VerifyCpuTime), which a busy machine disturbs far
# less than the wall-clock throughput of benchmarks run one after the other.
# Usage: bench/jpki-verify.sh [warmups iterations seconds forks]   (defaults: 2 3 1 1)
# Environment: CPU_SECONDS (per operation and round, default 2), CPU_ROUNDS (default 5), CPU_ROUNDS=0 skips.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -pl jpki -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
classpath="jpki/target/test-classes:jpki/target/classes:$(cat jpki/target/test-classpath.txt)"
java -cp "$classpath" io.mynagate.jpki.bench.VerifyBenchmarkMain "$@"
if [ "${CPU_ROUNDS:-5}" != 0 ]; then
  echo
  java -cp "$classpath" io.mynagate.jpki.bench.VerifyCpuTime "${CPU_SECONDS:-2}" "${CPU_ROUNDS:-5}"
fi
