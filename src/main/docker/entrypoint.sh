#!/bin/sh
# Starts the controller. JAVA_OPTS is appended after the defaults, so any default can be overridden there
# (a later -XX or -D flag wins). Arguments given to the container are passed on to camel-main.
set -e
# Container-aware heap: a share of the memory limit, not of the node's memory.
# shellcheck disable=SC2086 # JAVA_OPTS is deliberately split into separate flags
exec java -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS \
  -jar /deployments/quay-orgmirror-controller.jar "$@"
