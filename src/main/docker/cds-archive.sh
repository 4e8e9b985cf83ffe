#!/bin/sh
# Image build only (Dockerfile): a training run that writes an AppCDS archive of the classes a start loads.
# The controller starts as entrypoint.sh starts it, with an API server that cannot be reached, and stops after
# a few seconds (camel-main's durationMaxSeconds); at that exit the JVM writes every class it loaded (Camel,
# the YAML routes' classes, fabric8, Vert.x, Jackson, SLF4J) to /deployments/app.jsa, already parsed and
# verified. entrypoint.sh maps that archive when it exists: a start takes about half the CPU
# (docs/benchmark.md, Start). The archive only fits this JVM and this jar; the JVM ignores one that does not.
set -e
kubeconfig=$(mktemp)
cat > "$kubeconfig" <<'KUBECONFIG'
apiVersion: v1
kind: Config
clusters:
- name: unreachable
  cluster:
    server: https://127.0.0.1:1
contexts:
- name: unreachable
  context:
    cluster: unreachable
    namespace: default
current-context: unreachable
KUBECONFIG
KUBECONFIG="$kubeconfig" JAVA_OPTS="-XX:ArchiveClassesAtExit=/deployments/app.jsa -Dcamel.main.durationMaxSeconds=5" \
  /deployments/entrypoint.sh > /tmp/cds-training.log 2>&1 || { cat /tmp/cds-training.log; exit 1; }
rm -f "$kubeconfig" /tmp/cds-training.log
chmod a+r /deployments/app.jsa
