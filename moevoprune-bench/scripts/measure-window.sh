#!/usr/bin/env bash
# One measuring window for the README's Speed section: the SGEMM ceiling (current OpenBLAS through JavaCPP, NumPy
# cross-checks, ND4J's bundled OpenBLAS), the pure-Java head per density (epoch and fitness evaluation), optionally
# the same benchmarks from a baseline build, and the PyTorch peer. Run from the repository root on a quiet machine
# (load average below 1), after
#   mvn -B -q -DskipTests package && mvn -B -q -Pceiling -pl moevoprune-bench-ceiling package
# Usage: moevoprune-bench/scripts/measure-window.sh [baseline-benchmarks.jar]
# A second JDK (JAVA_OTHER=/path/to/bin/java, default: a Temurin 25 under /usr/lib/jvm if present) runs the same
# epoch and evaluation benchmarks into OUT/other-*.json. PyTorch runs once with OPENBLAS_CORETYPE unset and once
# with SkylakeX (its OpenBLAS may not know the CPU); the summary takes the faster per density.
# Then: java -cp moevoprune-bench/target/benchmarks.jar org.moevoprune.bench.Summary OUT/after-*.json \
#           OUT/ceiling.json OUT/torch1*.txt   (and the same with OUT/other-*.json)
set -u
BENCH=moevoprune-bench/target/benchmarks.jar
CEILING=moevoprune-bench-ceiling/target/ceiling.jar
SCRIPTS=moevoprune-bench/scripts
BASELINE=${1:-}
OUT=bench-window-$(date +%Y%m%d-%H%M)
mkdir -p "$OUT"
log() { echo "$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) $*" | tee -a "$OUT/progress.txt"; }
TRAIN="-f 1 -wi 2 -i 5 -w 1 -r 2 -p batch=32 -p provider=java -p density=0.25,0.5,1.0"
FIT="-f 1 -wi 3 -i 5 -p provider=java -p epochs=5 -p density=0.25,0.5,1.0"
log start
# A DYNAMIC_ARCH OpenBLAS obeys OPENBLAS_CORETYPE; an inherited Haswell halves it on AVX-512 machines.
env -u OPENBLAS_CORETYPE java -jar $CEILING -f 1 -wi 3 -i 6 -w 1 -r 1 -rf json -rff "$OUT/ceiling.json" \
    > "$OUT/ceiling.log" 2>&1; log ceiling
java -jar $BENCH $TRAIN Training -rf json -rff "$OUT/after-train.json" > "$OUT/after-train.log" 2>&1; log train
java -jar $BENCH $FIT Fitness -rf json -rff "$OUT/after-fit.json" > "$OUT/after-fit.log" 2>&1; log fitness
JAVA_OTHER=${JAVA_OTHER:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
if [ -n "$JAVA_OTHER" ]; then
    "$JAVA_OTHER" -version > "$OUT/other-java.txt" 2>&1
    "$JAVA_OTHER" -jar $BENCH $TRAIN Training -rf json -rff "$OUT/other-train.json" > "$OUT/other-train.log" 2>&1
    "$JAVA_OTHER" -jar $BENCH $FIT Fitness -rf json -rff "$OUT/other-fit.json" > "$OUT/other-fit.log" 2>&1
    log "other jdk ($JAVA_OTHER)"
fi
if [ -n "$BASELINE" ]; then
    java -jar "$BASELINE" $TRAIN Training -rf json -rff "$OUT/before-train.json" > "$OUT/before-train.log" 2>&1
    java -jar "$BASELINE" $FIT Fitness -rf json -rff "$OUT/before-fit.json" > "$OUT/before-fit.log" 2>&1
    log baseline
fi
for t in 1 2; do
    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=$t python3 $SCRIPTS/sgemm_numpy.py >> "$OUT/numpy.txt" 2>&1
done; log numpy
# PyTorch: the first of $TORCH_PYTHON, python3, /usr/bin/python3 that imports torch (a pyenv python3 may lack it).
TORCH_PY=""
for py in ${TORCH_PYTHON:-} python3 /usr/bin/python3; do
    if "$py" -c "import torch" 2>/dev/null; then TORCH_PY=$py; break; fi
done
if [ -n "$TORCH_PY" ]; then
    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 "$TORCH_PY" $SCRIPTS/torch_fitness.py --repeats 5 \
        > "$OUT/torch1.txt" 2>&1
    OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 "$TORCH_PY" $SCRIPTS/torch_fitness.py --repeats 5 \
        > "$OUT/torch1-skx.txt" 2>&1
    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=2 "$TORCH_PY" $SCRIPTS/torch_fitness.py --threads 2 --repeats 3 \
        --densities 0.5 > "$OUT/torch2.txt" 2>&1
    log torch
else
    log "torch skipped: no python with torch (set TORCH_PYTHON)"
fi
OMP_WAIT_POLICY=PASSIVE java -jar $BENCH -f 1 -wi 3 -i 5 -w 1 -r 1 Sgemm -rf json -rff "$OUT/nd4j-sgemm.json" \
    > "$OUT/nd4j-sgemm.log" 2>&1
OPENBLAS_CORETYPE=SkylakeX OMP_WAIT_POLICY=PASSIVE java -jar $BENCH -f 1 -wi 3 -i 5 -w 1 -r 1 Sgemm -rf json \
    -rff "$OUT/nd4j-sgemm-skx.json" > "$OUT/nd4j-sgemm-skx.log" 2>&1; log nd4j
env -u OPENBLAS_CORETYPE java -jar $CEILING -f 1 -wi 3 -i 6 -w 1 -r 1 -rf json -rff "$OUT/ceiling2.json" \
    > "$OUT/ceiling2.log" 2>&1; log ceiling-again
log end
echo "$OUT"
