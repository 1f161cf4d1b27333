#!/usr/bin/env bash
# Verifies the 'cublas' population head on an NVIDIA GPU in one short call, from the bundle that scripts/gpu-pack.sh
# built on a CPU machine (target/gpu-bundle: a Java runtime and the jars; nothing is built, installed or downloaded
# here). Meant for a CUDA 13 machine (driver 580+) whose CUDA libraries come from pip's nvidia-* packages or a CUDA
# toolkit:
#   1. preflight: nvidia-smi; finds libcudart.so.13, libcublas.so.13, libcublasLt.so.13, libnvrtc.so.13 (pip's
#      nvidia packages of python3, then /usr/local/cuda*) and libcuda.so.1, and puts their folders on LD_LIBRARY_PATH;
#   2. probe: GpuProbe prints the device and CUDA versions, or why the GPU path cannot start (then it stops);
#   3. contract: the JUnit console runs CublasGpuContractTest (the SparseHead + PopulationHead contract suites on the
#      GPU) and CublasGpuAgreesWithHostTest (GPU kernels against the plain-Java kernels, step for step);
#   4. benchmark: PopulationBenchmark, 30 candidates, F = 2048, N = 7700, C = 5, H = 512, batch 32, 10 epochs, the
#      population on the GPU in one trainAll and one candidate at a time on the GPU; evaluations/s and the projected
#      time of the reference protocol on this PAINTING-sized problem.
# Everything goes to $OUT (else target/gpu-verify): summary.txt, contract.log, junit/TEST-junit-jupiter.xml,
# benchmark.log. Exit status: 0 all passed, 3 preflight failed, 4 probe failed, 10 + step number otherwise.
# Usage: bash scripts/gpu-verify.sh        (BUNDLE=dir to use another bundle; FORCE=1 goes on past a failed probe,
#        to see how each step fails)
set -u -o pipefail
cd "$(dirname "$0")/.."

LOGS=${OUT:-target/gpu-verify}
BUNDLE=${BUNDLE:-target/gpu-bundle}
mkdir -p "$LOGS"
: > "$LOGS/summary.txt"
say() { printf '%s\n' "$*" | tee -a "$LOGS/summary.txt"; }

say "== preflight ($(date -u +%FT%TZ))"
[[ -f "$BUNDLE/runtime.tgz" ]] || { say "MISSING: $BUNDLE/runtime.tgz: run scripts/gpu-pack.sh first and carry $BUNDLE"; exit 3; }
say "bundle: $BUNDLE, built from commit $(cat "$BUNDLE/commit.txt" 2> /dev/null || echo unknown)"
if command -v nvidia-smi > /dev/null; then
  say "GPU: $(nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv,noheader | head -1)"
else
  say "WARNING: no nvidia-smi"
fi

# Folders holding the CUDA 13 libraries: pip's nvidia packages first, then a toolkit, then the driver's.
dirs=()
add_dirs_with() { # pattern, roots...
  local pattern=$1; shift
  local d
  for root in "$@"; do
    [[ -d "$root" ]] || continue
    while IFS= read -r d; do dirs+=("$d"); done < <(find -L "$root" -maxdepth 4 -name "$pattern" -printf '%h\n' 2> /dev/null | sort -u)
  done
}
pip_roots=$(python3 - << 'PY' 2> /dev/null || true
import glob, os, site
roots = set()
try:
    import nvidia
    roots.update(nvidia.__path__)
except ImportError:
    pass
for sp in site.getsitepackages() + [site.getusersitepackages()]:
    roots.add(os.path.join(sp, "nvidia"))
roots.update(glob.glob("/opt/*/.venv/lib/python3*/site-packages/nvidia"))
roots.update(glob.glob("/usr/local/lib/python3*/dist-packages/nvidia"))
print("\n".join(sorted(r for r in roots if os.path.isdir(r))))
PY
)
say "pip nvidia folders: $(echo $pip_roots)"
for lib in 'libcudart.so.13*' 'libcublas.so.13*' 'libcublasLt.so.13*' 'libnvrtc.so.13*' 'libnvrtc-builtins.so.13*'; do
  # shellcheck disable=SC2086
  add_dirs_with "$lib" $pip_roots /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib
done
if ! ldconfig -p 2> /dev/null | grep -q 'libcuda.so.1'; then
  add_dirs_with 'libcuda.so.1' /usr/local/nvidia /usr/lib64 /usr/lib/x86_64-linux-gnu /usr/local/cuda/compat
fi
LIBDIRS=$(printf '%s\n' "${dirs[@]}" | awk '!seen[$0]++' | paste -sd: -)
export LD_LIBRARY_PATH="${LIBDIRS}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
say "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
for lib in libcudart.so.13 libcublas.so.13 libcublasLt.so.13 libnvrtc.so.13 libcuda.so.1; do
  found=$(IFS=:; for d in $LD_LIBRARY_PATH; do ls "$d/$lib" 2> /dev/null; done | head -1)
  [[ -z "$found" ]] && ldconfig -p 2> /dev/null | grep -q "$lib" && found="(system: ldconfig)"
  say "  $lib: ${found:-NOT FOUND}"
done

JRE=${TMPDIR:-/tmp}/moevoprune-jre
rm -rf "$JRE" && mkdir -p "$JRE" && tar -C "$JRE" -xzf "$BUNDLE/runtime.tgz" || { say "cannot unpack the runtime"; exit 3; }
JAVA="$JRE/bin/java"
say "java: $("$JAVA" -version 2>&1 | head -1)"
CP=$(ls "$BUNDLE"/lib/*.jar | grep -v console-standalone | paste -sd: -)
CONSOLE=$(ls "$BUNDLE"/lib/junit-platform-console-standalone-*.jar)
JOPTS=(-Xmx16g -Dorg.bytedeco.javacpp.cachedir="${TMPDIR:-/tmp}/moevoprune-javacpp")

step() { # number, name, limit in seconds, command...
  local number=$1 name=$2 limit=$3; shift 3
  local t0=$SECONDS
  timeout "$limit" "$@" > "$LOGS/$name.log" 2>&1
  local rc=$?
  say "$name: exit $rc after $((SECONDS - t0)) s"
  return $rc
}

say "== probe"
"$JAVA" "${JOPTS[@]}" -cp "$CP" org.moevoprune.cuda.GpuProbe 2>&1 | tee -a "$LOGS/summary.txt"
if [[ ${PIPESTATUS[0]} -ne 0 ]]; then
  say "the GPU path cannot start here: see the line above"
  [[ "${FORCE:-0}" == 1 ]] || exit 4
fi

say "== contract suites on the GPU"
step 1 contract 150 "$JAVA" "${JOPTS[@]}" -jar "$CONSOLE" execute --class-path "$CP" --disable-banner \
  --select-class org.moevoprune.cuda.CublasGpuContractTest \
  --select-class org.moevoprune.cuda.CublasGpuAgreesWithHostTest \
  --details=tree --disable-ansi-colors --fail-if-no-tests --reports-dir "$LOGS/junit"
contract=$?
grep -E "tests (found|successful|skipped|aborted|failed)" "$LOGS/contract.log" | tee -a "$LOGS/summary.txt"
found=$(sed -n 's/.* \([0-9][0-9]*\) tests found.*/\1/p' "$LOGS/contract.log" | tail -1)
passed=$(sed -n 's/.* \([0-9][0-9]*\) tests successful.*/\1/p' "$LOGS/contract.log" | tail -1)
if [[ $contract -eq 0 && ( -z "$found" || "$found" -eq 0 || "$passed" != "$found" ) ]]; then
  say "contract: only ${passed:-0} of ${found:-0} tests passed (skipped or aborted ones count as not verified)"
  contract=1
fi
[[ $contract -eq 0 ]] || grep -E "✘|=>|Exception" "$LOGS/contract.log" | head -30 | tee -a "$LOGS/summary.txt"

say "== benchmark (population 30, F 2048, N 7700, C 5, H 512, batch 32, 10 epochs)"
step 2 benchmark 200 "$JAVA" "${JOPTS[@]}" -cp "$CP" org.moevoprune.bench.PopulationBenchmark population=30 \
  features=2048 rows=7700 classes=5 hidden=512 batch=32 epochs=10 modes=population:cublas,each:cublas
bench=$?
grep -v '^WARNING' "$LOGS/benchmark.log" | tee -a "$LOGS/summary.txt"

if [[ $contract -ne 0 ]]; then say "== FAILED: contract"; exit 11; fi
if [[ $bench -ne 0 ]]; then say "== FAILED: benchmark"; exit 12; fi
say "== done: every step passed"
