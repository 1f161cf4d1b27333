#!/usr/bin/env bash
# Verifies the population-batched 'gpu' head on an NVIDIA GPU, in one command of a few minutes:
#   1. preflight: GPU and its compute capability, JDK 17+, Maven, the ND4J CUDA artifacts in the local Maven
#      repository, the CUDA 11.6 libraries (system or JavaCPP redist); says exactly what is missing;
#   2. builds with -Pcuda, offline;
#   3. runs the SparseHead + PopulationHead contract suites on the 'gpu' head (Nd4jBatchedHeadContractTest with
#      -Dmoevoprune.test.gpu=true);
#   4. benchmark: 30 candidates, F = 2048, N = 7700, C = 5, H = 512, batch 32, 10 epochs, population-batched on the
#      GPU against one candidate at a time, with evaluations/s and the projected time of the reference protocol on a
#      PAINTING-sized problem.
#
# Usage:
#   scripts/gpu-verify-nd4j.sh                  verify (offline: everything must already be in the Maven repository)
#   scripts/gpu-verify-nd4j.sh --prepare        on a machine with network: fill the Maven repository for the offline run
#   MAVEN_REPO=/path/to/repo scripts/...   use that Maven repository (default ~/.m2/repository), e.g. one carried in
#   FORCE=1 scripts/gpu-verify-nd4j.sh          go on past a failed preflight (to see how it fails)
# Logs go to $OUT if set, else target/gpu-verify/. Exit status: 0 all passed, 3 preflight failed, else the failed step.
#
# Unverified: written where no GPU was available. Known risk (checked on the jar): ND4J 1.0.0-M2.1's
# libnd4jcuda.so carries machine code (SASS) for sm_37, 50, 52, 60, 61, 70, 75, 80 and 86 and no PTX, so a Hopper
# GPU (H100/H200, sm_90) cannot load its kernels. See README.md, "GPU".
set -u -o pipefail
cd "$(dirname "$0")/.."

LOGS=${OUT:-target/gpu-verify}
mkdir -p "$LOGS"
REPO=${MAVEN_REPO:-$HOME/.m2/repository}
MVN=(mvn -B -Dmaven.repo.local="$REPO")
ND4J_VERSION=1.0.0-M2.1
CUDA_PRESET=11.6-8.3-1.5.7

say() { printf '%s\n' "$*" | tee -a "$LOGS/summary.txt"; }

if [[ "${1:-}" == "--prepare" ]]; then
  # Online: resolve every artifact, plugin and native binary the offline run needs (about 0.6 GB for ND4J CUDA,
  # 1.5 GB more with the CUDA redist).
  "${MVN[@]}" -Pcuda,cuda-redist -pl moevoprune-bench,moevoprune-nd4j -am verify -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmaven.javadoc.skip
  exit $?
fi

: > "$LOGS/summary.txt"
say "== preflight ($(date -u +%FT%TZ))"
missing=0
profiles=cuda
if command -v nvidia-smi > /dev/null; then
  gpu=$(nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv,noheader | head -1)
  say "GPU: $gpu"
  cc=$(echo "$gpu" | cut -d, -f2 | tr -d ' ')
  if [[ -n "$cc" && "${cc%%.*}" -ge 9 ]]; then
    say "WARNING: compute capability $cc: ND4J $ND4J_VERSION's CUDA binaries carry SASS up to sm_86 and no PTX;"
    say "  expect 'no kernel image is available for execution on the device'. The way forward on this GPU is a"
    say "  cuBLAS head through JavaCPP's org.bytedeco:cuda 12.x/13.x presets (README.md, \"GPU\")."
  fi
else
  say "MISSING: nvidia-smi (no NVIDIA driver on this machine)"; missing=1
fi
if command -v java > /dev/null; then
  jv=$(java -version 2>&1 | head -1); say "java: $jv"
  major=$(java -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')
  [[ "$major" -ge 17 ]] || { say "MISSING: a JDK 17 or newer"; missing=1; }
else
  say "MISSING: java (JDK 17+; a jlink'd runtime of java.base, java.logging, java.management, jdk.unsupported and"
  say "  jdk.incubator.vector is about 36 MB)"; missing=1
fi
command -v mvn > /dev/null && say "maven: $(mvn -v 2>/dev/null | head -1 | sed "s/\x1b\[[0-9;]*m//g")" || { say "MISSING: mvn (Maven 3.9)"; missing=1; }
for f in "org/nd4j/nd4j-cuda-11.6/$ND4J_VERSION/nd4j-cuda-11.6-$ND4J_VERSION-linux-x86_64.jar" \
         "org/nd4j/nd4j-cuda-11.6/$ND4J_VERSION/nd4j-cuda-11.6-$ND4J_VERSION.jar" \
         "org/bytedeco/cuda/$CUDA_PRESET/cuda-$CUDA_PRESET-linux-x86_64.jar"; do
  if [[ -f "$REPO/$f" ]]; then say "found: $f"; else say "MISSING in $REPO: $f"; missing=1; fi
done
if ldconfig -p 2>/dev/null | grep -q 'libcublas.so.11'; then
  say "CUDA 11 libraries: installed on the system"
elif [[ -f "$REPO/org/bytedeco/cuda/$CUDA_PRESET/cuda-$CUDA_PRESET-linux-x86_64-redist.jar" ]]; then
  say "CUDA 11 libraries: JavaCPP redist (-Pcuda,cuda-redist)"; profiles=cuda,cuda-redist
else
  say "MISSING: the CUDA 11.6 libraries (libcublas.so.11, libcusolver.so.11, libcudart.so.11.0): install CUDA 11.6"
  say "  or put org.bytedeco:cuda:$CUDA_PRESET:linux-x86_64-redist in the repository (scripts/gpu-verify-nd4j.sh --prepare)"
  missing=1
fi
if [[ $missing -ne 0 ]]; then
  say "preflight failed: on a machine with network run 'scripts/gpu-verify-nd4j.sh --prepare' (MAVEN_REPO=DIR to fill"
  say "  a repository to carry), then run this script again where the GPU is"
  [[ "${FORCE:-0}" == 1 ]] || exit 3
fi

say "== build (-P$profiles, offline)"
step() { # name, timeout, command...
  local name=$1 limit=$2; shift 2
  local t0=$SECONDS
  timeout "$limit" "$@" > "$LOGS/$name.log" 2>&1
  local rc=$?
  say "$name: exit $rc after $((SECONDS - t0)) s (log: $LOGS/$name.log)"
  [[ $rc -eq 0 ]] || { tail -40 "$LOGS/$name.log"; exit 10; }
}
step build 300 "${MVN[@]}" -o -q -P"$profiles" -pl moevoprune-bench -am package -DskipTests \
  -Dmoevoprune.shade.skip=true -Dmaven.javadoc.skip -Dmaven.source.skip \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime

say "== contract suites on the 'gpu' head"
step contract 240 "${MVN[@]}" -o -P"$profiles" -pl moevoprune-nd4j -am verify -Dmaven.javadoc.skip \
  -Dtest='Nd4jBatchedHeadContractTest' -Dsurefire.failIfNoSpecifiedTests=false -Dmoevoprune.test.gpu=true
grep -h 'Tests run:' "$LOGS/contract.log" | tail -1 | tee -a "$LOGS/summary.txt"

say "== benchmark"
CP="moevoprune-bench/target/classes:$(cat moevoprune-bench/target/classpath.txt)"
step benchmark 300 java -Xmx16g --add-modules jdk.incubator.vector -cp "$CP" \
  org.moevoprune.bench.PopulationBenchmark population=30 features=2048 rows=7700 classes=5 hidden=512 batch=32 \
  epochs=10 modes=population:gpu,each:nd4j
grep -v '^WARNING' "$LOGS/benchmark.log" | tee -a "$LOGS/summary.txt"
say "== done: every step passed"
