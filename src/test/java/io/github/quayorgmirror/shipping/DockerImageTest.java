package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The Dockerfile builds as CI does and runs the jar where the manifests expect it. */
class DockerImageTest {
    private final ConfigurationKeys configuration = ConfigurationKeys.load();
    private final String dockerfile = ProjectTree.read("Dockerfile");

    @Test
    void buildStageRunsTheCiBuild() {
        assertThat(dockerfile).containsPattern("(?m)^FROM maven:3\\.9-eclipse-temurin-17 AS build$")
                .contains("mvn -B verify -DskipTests")
                .contains("else mvn -B verify; fi")
                .containsPattern("(?m)^ARG SKIP_TESTS=false$");
    }

    @Test
    void runtimeStageHoldsTheJarItsLibrariesAndTheRoutes() {
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre AS runtime$")
                .contains("/build/target/lib/ /deployments/lib/")
                .contains("/build/target/quay-orgmirror-controller.jar /deployments/quay-orgmirror-controller.jar")
                .contains("routes/ " + ManifestsTest.ROUTES_MOUNT + "/")
                .contains("CAMEL_MAIN_ROUTESINCLUDEPATTERN=file:" + ManifestsTest.ROUTES_MOUNT + "/*.yaml")
                .contains("CAMEL_MAIN_FILECONFIGURATIONS=/deployments/config/*.properties")
                .contains("EXPOSE " + configuration.effectiveValue("camel.management.port"));
    }

    /** Air-gapped builds: the prebuilt target packages the host's target/ and never runs Maven. */
    @Test
    void prebuiltTargetPackagesTheHostBuildWithoutMaven() {
        String prebuilt = dockerfile.substring(dockerfile.indexOf("FROM runtime AS prebuilt"),
                dockerfile.lastIndexOf("\nFROM runtime"));
        String dockerignore = ProjectTree.read(".dockerignore");

        assertThat(prebuilt).contains("COPY target/lib/ /deployments/lib/")
                .contains("COPY target/quay-orgmirror-controller.jar /deployments/quay-orgmirror-controller.jar")
                .doesNotContain("mvn").doesNotContain("--from=build");
        assertThat(dockerignore).contains("!target/quay-orgmirror-controller.jar", "!target/lib")
                .doesNotContainPattern("(?m)^target/$");
        assertThat(dockerfile).as("the build stage does not package a stale host jar")
                .contains("rm -rf target && \\");
        assertThat(dockerfile.trim().lines().filter(line -> line.startsWith("FROM ")).reduce((a, b) -> b).orElseThrow())
                .as("the default target builds from source").isEqualTo("FROM runtime");
    }

    @Test
    void runsAsANumericNonRootUser() {
        Matcher uid = Pattern.compile("(?m)^ARG APP_UID=(\\d+)$").matcher(dockerfile);

        assertThat(uid.find()).as("numeric APP_UID").isTrue();
        assertThat(Integer.parseInt(uid.group(1))).isPositive();
        assertThat(dockerfile).containsPattern("(?m)^USER \\$\\{APP_UID}$");
    }

    @Test
    void entrypointHonoursJavaOptsWithAContainerAwareHeap() {
        assertThat(ProjectTree.read("src/main/docker/entrypoint.sh"))
                .contains("exec java -XX:MaxRAMPercentage=50.0")
                .contains("$JAVA_OPTS")
                .contains("-jar /deployments/quay-orgmirror-controller.jar \"$@\"");
        assertThat(dockerfile).contains("ENTRYPOINT [\"/deployments/entrypoint.sh\"]");
    }
}
