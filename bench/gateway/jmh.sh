#!/usr/bin/env bash
# JMH benchmark of the gateway's verification path: RS256 / ES256 / PS256 JWS verification with
# Nimbus, JDK default provider vs Bouncy Castle vs Amazon Corretto Crypto Provider (ACCP, native).
# Prints ops/s and the ratios to the JDK per algorithm.
#
# Env: JMH_FORKS (1) JMH_WARMUP (5 iterations) JMH_ITER (5 iterations) JMH_TIME (1s per iteration)
#      JMH_ALGS (RS256,ES256,PS256) PAIRS (20) PAIRED_ONLY (0: also JMH) SKIP_BUILD (0)
#      MVN_OFFLINE (-o); extra arguments go to JMH.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/target"
mkdir -p "$OUT"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B ${MVN_OFFLINE--o} -q -pl gateway -am test-compile
fi
./mvnw -B ${MVN_OFFLINE--o} -q -pl gateway dependency:build-classpath \
  -Dmdep.outputFile="$OUT/gateway-test.classpath" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/gateway/target/test-classes:$ROOT/gateway/target/classes:$(cat "$OUT/gateway-test.classpath")"

# JMH measures each provider in its own fork, minutes apart; on the shared machine the outside load
# drifts meanwhile, so first a comparison rotating JDK, BC and ACCP in 250 ms slices.
java -cp "$CP" io.mynagate.gateway.bench.VerifyPairedComparison "${JMH_ALGS:-RS256,ES256,PS256}" \
  "${PAIRS:-20}"
[[ "${PAIRED_ONLY:-0}" == 1 ]] && exit 0

# Another JMH run on the shared machine holds /tmp/jmh.lock; measure anyway (ratios, one run).
exec java -Djmh.ignoreLock=true -cp "$CP" io.mynagate.gateway.bench.VerifyBenchmarkMain \
  -f "${JMH_FORKS:-1}" -wi "${JMH_WARMUP:-5}" -i "${JMH_ITER:-5}" \
  -w "${JMH_TIME:-1s}" -r "${JMH_TIME:-1s}" -p alg="${JMH_ALGS:-RS256,ES256,PS256}" \
  -rf json -rff "$OUT/jmh-verify.json" "$@"
