#!/bin/sh
# Starts the controller. JAVA_OPTS is appended after the defaults, so any default can be overridden there
# (a later -XX or -D flag wins). Arguments given to the container are passed on to camel-main.
set -e
# Sized for a 256 MiB container (docs/benchmark.md, Memory): half of the memory limit at most for the heap, the
# rest for metaspace (~55 MiB of Camel, fabric8, Jackson and Vert.x classes), compiled code (~30 MiB), the JIT's
# own working memory, thread stacks. SerialGC: one or two cores and a small heap, where G1's own structures and
# its eager heap growth cost more than they save; the free ratios keep the heap near its live set (~38 MiB at
# 1,000 mirrors) instead of growing it to the maximum. TrimNativeHeapInterval (Java 17.0.9+) gives the memory
# the JIT compiler freed back to the system every 5 s. TieredStopAtLevel=1 (C1 only): a controller's work is
# spread over many methods, none hot enough for C2 to repay its compile time; C2 took half the CPU of a start and
# of each create at 1,000 mirrors; C1 only halved both and lowered the peak by ~45 MiB (docs/benchmark.md).
# InitialRAMPercentage=15 (38 MiB of a 256 MiB container): the start allocates a few hundred MiB; from the default
# initial heap (1/64 of the memory, 4 MiB) SerialGC paused ~50 times and grew the heap in 5 full collections,
# ~0.24 s of a 2.6 s start; the free ratios give back what the live set does not need afterwards.
# CompileThresholdScaling=0.25: C1 compiles a method after a quarter of the usual calls. A method that runs once per
# reconcile was interpreted for the first ~200 passes; a freshly started controller (a rollout, a failover) used
# ~13 % less CPU per create over its first 1,000 and converged 1.62-1.70x the floor instead of 1.76-2.09x, with no
# slower start in alternating runs (docs/benchmark.md, third round).
# glibc gives each thread that mallocs its own arena; two arenas are enough for a controller that mostly waits.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# The AppCDS archive of the image build's training run (cds-archive.sh): the classes of a start, already parsed and
# verified. Absent when the jar runs outside the image.
class_data_sharing=""
if [ -f /deployments/app.jsa ]; then
  class_data_sharing="-XX:SharedArchiveFile=/deployments/app.jsa"
fi
# shellcheck disable=SC2086 # JAVA_OPTS is deliberately split into separate flags
exec java -XX:MaxRAMPercentage=50.0 -XX:InitialRAMPercentage=15 -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 \
  -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=5000 -XX:TieredStopAtLevel=1 \
  -XX:CompileThresholdScaling=0.25 -Xss512k -XX:+ExitOnOutOfMemoryError $class_data_sharing $JAVA_OPTS \
  -jar /deployments/quay-orgmirror-controller.jar "$@"
