# syntax=docker/dockerfile:1
#
# Image of quay-orgmirror-controller.
#   docker build -t quay.io/quay-orgmirror/quay-orgmirror-controller:0.1.0 .
#   docker build --build-arg SKIP_TESTS=true -t ... .     (skip the tests, e.g. when CI already ran them)
#   mvn -B verify && docker build --target prebuilt -t ... .
#                     (air-gapped: packages the target/ built on this host; no Maven, no download in the build)
#
# Numeric non-root user: Kubernetes can then verify runAsNonRoot without a runAsUser in the pod spec.
ARG APP_UID=185

# Stage "build" runs the same build as CI (mvn -B verify), so an image is only produced from a tested tree.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SKIP_TESTS=false
WORKDIR /build
# The POM first: its dependencies are resolved into the build cache before the sources are copied.
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline || true
# The whole tree (less .dockerignore): tests also check k8s/, docs/ and this Dockerfile. The host's target/
# (let through for the prebuilt target) is removed: a stale jar in lib/ must not reach the image.
COPY . .
RUN --mount=type=cache,target=/root/.m2 rm -rf target && \
    if [ "$SKIP_TESTS" = "true" ]; then mvn -B verify -DskipTests; else mvn -B verify; fi

# Stage "runtime": a JRE, the routes, the entry point; the jar and its lib/ (the jar's manifest Class-Path
# points at lib/) come from the build stage (default) or from the host's target/ (prebuilt).
FROM eclipse-temurin:17-jre AS runtime
LABEL org.opencontainers.image.title="quay-orgmirror-controller" \
      org.opencontainers.image.description="Keeps Quay organization mirrors in line with OrganizationMirror resources" \
      org.opencontainers.image.licenses="Apache-2.0"

# The files stay owned by root and world-readable: the controller cannot change its own code, and any UID
# (OpenShift assigns arbitrary ones) can run it.
ARG APP_UID
WORKDIR /deployments
COPY routes/ /deployments/routes/
COPY --chmod=0755 src/main/docker/entrypoint.sh src/main/docker/cds-archive.sh /deployments/
# /deployments/config exists (empty) so that the file-configuration pattern below always has a directory to
# list; mount a ConfigMap or Secret of *.properties files there.
RUN mkdir -p /deployments/config && chmod -R a+rX /deployments

# The routes of this build are read from the file system, so that an integrator can mount a customised
# extensions.camel.yaml over the image's one (docs/extending.md); all other routes stay those of this build.
ENV CAMEL_MAIN_ROUTESINCLUDEPATTERN=file:/deployments/routes/*.yaml \
    CAMEL_MAIN_FILECONFIGURATIONS=/deployments/config/*.properties \
    JAVA_OPTS=""
# Note: camel-main ignores environment variables ending in _PORT (CAMEL_MANAGEMENT_PORT has no effect).
# Set the management port in a properties file under /deployments/config or with -Dcamel.management.port in JAVA_OPTS.
EXPOSE 8080

USER ${APP_UID}
ENTRYPOINT ["/deployments/entrypoint.sh"]

# docker build --target prebuilt: the jar and lib/ of a `mvn -B verify` already run on this host.
FROM runtime AS prebuilt
COPY target/lib/ /deployments/lib/
COPY target/quay-orgmirror-controller.jar /deployments/quay-orgmirror-controller.jar
# AppCDS: a training run writes the classes of a start to /deployments/app.jsa (as root: the archive stays
# root's, like the code), which entrypoint.sh maps; a start then takes about half the CPU.
USER root
RUN /deployments/cds-archive.sh
ARG APP_UID
USER ${APP_UID}

# The default target (last stage): built and tested from source by the build stage.
FROM runtime
COPY --from=build /build/target/lib/ /deployments/lib/
COPY --from=build /build/target/quay-orgmirror-controller.jar /deployments/quay-orgmirror-controller.jar
# AppCDS archive, as in the prebuilt stage.
USER root
RUN /deployments/cds-archive.sh
ARG APP_UID
USER ${APP_UID}
