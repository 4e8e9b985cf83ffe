#!/bin/sh
# Starts the controller. JAVA_OPTS is appended after the defaults, so any default can be overridden there
# (a later -XX or -D flag wins). Arguments given to the container are passed on to camel-main.
set -e
# Sized for a 256 MiB container (docs/benchmark.md): half of the memory limit for the heap, the rest for
# metaspace (~70 MiB of Camel, fabric8 and Jackson classes), compiled code and thread stacks. SerialGC: one
# or two cores and a small heap, where G1's own structures and its eager heap growth cost more than they save.
# glibc gives each thread that mallocs its own arena; two arenas are enough for a controller that mostly waits.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# shellcheck disable=SC2086 # JAVA_OPTS is deliberately split into separate flags
exec java -XX:MaxRAMPercentage=50.0 -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m \
  -Xss512k -XX:+ExitOnOutOfMemoryError $JAVA_OPTS \
  -jar /deployments/quay-orgmirror-controller.jar "$@"
