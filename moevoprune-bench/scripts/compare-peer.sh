#!/usr/bin/env bash
# The issue-14 comparison made robust to a shared machine: ROUNDS interleaved rounds of (pure-Java fitness
# evaluations and epochs on this JDK, the same on a second JDK if one is found, PyTorch's evaluations), so that a
# noisy minute hurts every contender alike. Run from the repository root after
#   mvn -B -q -DskipTests package && mvn -B -q -Pceiling -pl moevoprune-bench-ceiling package
# Usage: moevoprune-bench/scripts/compare-peer.sh [ROUNDS]   (default 2)
# Then, per JDK: java -cp moevoprune-bench/target/benchmarks.jar org.moevoprune.bench.Summary \
#     OUT/ceiling.json OUT/java17-*.json OUT/torch-*.txt      (Summary keeps each density's fastest round)
set -u
BENCH=moevoprune-bench/target/benchmarks.jar
CEILING=moevoprune-bench-ceiling/target/ceiling.jar
SCRIPTS=moevoprune-bench/scripts
ROUNDS=${1:-2}
OUT=bench-peer-$(date +%Y%m%d-%H%M)
mkdir -p "$OUT"
log() { echo "$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) $*" | tee -a "$OUT/progress.txt"; }
TRAIN="-f 1 -wi 3 -i 8 -w 1 -r 2 -p batch=32 -p provider=java -p density=0.25,0.5,1.0"
FIT="-f 1 -wi 5 -i 10 -p provider=java -p epochs=5 -p density=0.25,0.5,1.0"
OTHER=${JAVA_OTHER:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
TORCH_PY=""
for py in ${TORCH_PYTHON:-} python3 /usr/bin/python3; do
    if "$py" -c "import torch" 2>/dev/null; then TORCH_PY=$py; break; fi
done
log start
env -u OPENBLAS_CORETYPE java -jar $CEILING -f 1 -wi 3 -i 6 -w 1 -r 1 -p threads=1 -rf json \
    -rff "$OUT/ceiling.json" > "$OUT/ceiling.log" 2>&1; log ceiling
java -version > "$OUT/java17-version.txt" 2>&1
[ -n "$OTHER" ] && "$OTHER" -version > "$OUT/other-version.txt" 2>&1
for round in $(seq 1 "$ROUNDS"); do
    java -jar $BENCH $FIT Fitness -rf json -rff "$OUT/java17-fit-$round.json" > "$OUT/java17-fit-$round.log" 2>&1
    java -jar $BENCH $TRAIN Training -rf json -rff "$OUT/java17-train-$round.json" \
        > "$OUT/java17-train-$round.log" 2>&1
    log "round $round java"
    if [ -n "$OTHER" ]; then
        "$OTHER" -jar $BENCH $FIT Fitness -rf json -rff "$OUT/other-fit-$round.json" > "$OUT/other-fit-$round.log" 2>&1
        "$OTHER" -jar $BENCH $TRAIN Training -rf json -rff "$OUT/other-train-$round.json" \
            > "$OUT/other-train-$round.log" 2>&1
        log "round $round other jdk ($OTHER)"
    fi
    if [ -n "$TORCH_PY" ]; then
        # Debian's OpenBLAS 0.3.21 may not know the CPU; SkylakeX was its fastest kernel here
        OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 "$TORCH_PY" $SCRIPTS/torch_fitness.py --repeats 10 \
            > "$OUT/torch-skx-$round.txt" 2>&1
        env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 "$TORCH_PY" $SCRIPTS/torch_fitness.py --repeats 10 \
            > "$OUT/torch-default-$round.txt" 2>&1
        log "round $round torch"
    else
        log "torch skipped: no python with torch (set TORCH_PYTHON)"
    fi
done
log end
echo "$OUT"
