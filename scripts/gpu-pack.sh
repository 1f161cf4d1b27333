#!/usr/bin/env bash
# Packs everything the 'cublas' head's GPU check needs into target/gpu-bundle, on this (CPU) machine, so that a GPU
# machine with no Java, no Maven and no network runs it in one call (scripts/gpu-verify.sh):
#   runtime.tgz   a jlink'd Java 17 runtime (java.base, java.logging, java.xml, java.sql, jdk.unsupported,
#                 jdk.incubator.vector), compressed
#   lib/*.jar     moevoprune-api (+ its test-jar: the contract kits), moevoprune-cuda (+ its test-jar: the GPU
#                 tests and GpuProbe), JavaCPP 1.5.13 and its CUDA 13.1 presets (classes and linux-x86_64 JNI
#                 libraries, no -redist: the GPU machine's own CUDA 13 libraries are used), the JUnit console
#                 launcher, and bench.jar (PopulationBenchmark, compiled against the api alone)
# Then it checks the bundle here: the packed runtime starts, GpuProbe says why the GPU path is unavailable (no GPU
# here), and the JUnit console runs the cuBLAS driver's contract suite on the plain-Java kernels
# (CublasHostContractTest) from the bundle's jars.
#
# Usage: scripts/gpu-pack.sh   (needs JDK 17 with jlink, Maven; offline if ~/.m2 has the artifacts, else it fetches
#        the few named below from Maven Central). Size: printed at the end; the device's limit is 64 MiB for the
#        working tree and carried paths together.
# Then, on the device: run(command="bash scripts/gpu-verify.sh", carry=["target/gpu-bundle"], timeout_s=420).
# Run this in the checkout that the device tool sends (the session's own, not a helper's worktree): carry takes
# target/gpu-bundle from there.
set -euo pipefail
cd "$(dirname "$0")/.."

BUNDLE=target/gpu-bundle
VERSION=0.1.0-SNAPSHOT
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" moevoprune-cuda/pom.xml | head -1; }
CUDA_PRESETS=$(pom_property cuda.javacpp.version)
JAVACPP=$(pom_property javacpp.version)
JUNIT_CONSOLE=1.12.2
OFFLINE=${OFFLINE:--o}

rm -rf "$BUNDLE"
mkdir -p "$BUNDLE/lib"

echo "== build moevoprune-api and moevoprune-cuda (jars and test-jars)"
mvn -B -q $OFFLINE -pl moevoprune-cuda -am package -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip
cp moevoprune-api/target/moevoprune-api-$VERSION.jar moevoprune-api/target/moevoprune-api-$VERSION-tests.jar \
   moevoprune-cuda/target/moevoprune-cuda-$VERSION.jar moevoprune-cuda/target/moevoprune-cuda-$VERSION-tests.jar \
   "$BUNDLE/lib/"

echo "== third-party jars"
for artifact in org.bytedeco:javacpp:$JAVACPP org.bytedeco:javacpp:$JAVACPP:jar:linux-x86_64 \
    org.bytedeco:cuda:$CUDA_PRESETS org.bytedeco:cuda:$CUDA_PRESETS:jar:linux-x86_64 \
    org.junit.platform:junit-platform-console-standalone:$JUNIT_CONSOLE; do
  mvn -B -q $OFFLINE dependency:copy -Dartifact="$artifact" -DoutputDirectory="$BUNDLE/lib" -Dmdep.overWriteIfNewer
done

echo "== bench.jar (PopulationBenchmark against the api alone)"
rm -rf target/gpu-bench-classes
javac --release 17 -nowarn -d target/gpu-bench-classes -cp "$BUNDLE/lib/moevoprune-api-$VERSION.jar" \
  moevoprune-bench/src/main/java/org/moevoprune/bench/PopulationBenchmark.java \
  moevoprune-bench/src/main/java/org/moevoprune/bench/BenchData.java
jar --create --file "$BUNDLE/lib/bench.jar" -C target/gpu-bench-classes .

echo "== runtime.tgz (jlink)"
rm -rf target/gpu-jre
jlink --add-modules java.base,java.logging,java.xml,java.sql,jdk.unsupported,jdk.incubator.vector \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output target/gpu-jre 2> /dev/null
tar -C target/gpu-jre -czf "$BUNDLE/runtime.tgz" .
git rev-parse HEAD > "$BUNDLE/commit.txt" 2> /dev/null || true

echo "== check the bundle here"
CP=$(ls "$BUNDLE"/lib/*.jar | grep -v console-standalone | tr '\n' ':')
JAVA=target/gpu-jre/bin/java
set +e
probe=$("$JAVA" -Dorg.bytedeco.javacpp.cachedir=target/gpu-javacpp -cp "$CP" org.moevoprune.cuda.GpuProbe)
rc=$?
set -e
echo "$probe"
if [[ $rc -ne 2 ]] && ! command -v nvidia-smi > /dev/null; then
  echo "FAILED: GpuProbe should exit 2 (unavailable) on a machine without a GPU, got $rc"; exit 1
fi
"$JAVA" -jar "$BUNDLE/lib/junit-platform-console-standalone-$JUNIT_CONSOLE.jar" execute --class-path "$CP" \
  --select-class org.moevoprune.cuda.CublasHostContractTest --disable-banner --details=summary \
  --fail-if-no-tests | grep -E "tests (successful|failed|found)"

echo "== sizes"
du -sh target/gpu-jre "$BUNDLE/runtime.tgz" "$BUNDLE/lib"
ls -l "$BUNDLE/lib"
echo "carry total (bundle + working tree without ignored files):"
tree_bytes=$(git ls-files -z --cached --others --exclude-standard | xargs -0 du -cb 2> /dev/null | tail -1 | cut -f1)
bundle_bytes=$(du -sb "$BUNDLE" | cut -f1)
echo "  working tree $((tree_bytes / 1048576)) MiB + bundle $((bundle_bytes / 1048576)) MiB" \
  "= $(((tree_bytes + bundle_bytes) / 1048576)) MiB (limit 64 MiB)"
