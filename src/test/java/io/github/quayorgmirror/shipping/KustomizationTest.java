package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The kustomizations under k8s/ name only files that exist, leave none out, and ship the current routes. */
class KustomizationTest {
    private static final List<String> INSTALLED_DIRECTORIES = List.of("rbac", "deploy", "monitoring", "overlays", "camel-k");

    private final List<Manifest> kustomizations = Manifest.all().stream()
            .filter(manifest -> "Kustomization".equals(manifest.kind()))
            .toList();

    @Test
    void everyReferencedFileOrDirectoryExists() {
        assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(6);
        for (Manifest kustomization : kustomizations) {
            for (Path reference : references(kustomization)) {
                assertThat(Files.isRegularFile(reference) || Files.isRegularFile(reference.resolve("kustomization.yaml")))
                        .as("%s references %s", kustomization.file(), reference)
                        .isTrue();
            }
        }
    }

    @Test
    void everyManifestOfAnInstalledDirectoryIsReferenced() {
        Set<Path> referenced = Set.copyOf(kustomizations.stream().flatMap(k -> references(k).stream()).toList());
        List<Path> manifests = INSTALLED_DIRECTORIES.stream()
                .flatMap(dir -> Stream.concat(ProjectTree.filesEndingWith(ProjectTree.K8S.resolve(dir), ".yaml").stream(),
                        ProjectTree.filesEndingWith(ProjectTree.K8S.resolve(dir), ".json").stream()))
                .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                .toList();

        assertThat(manifests).isNotEmpty().allSatisfy(file -> assertThat(referenced).contains(file));
    }

    @Test
    void topLevelKustomizationInstallsIntoTheControllerNamespace() {
        Manifest top = Manifest.in("kustomization.yaml", "Kustomization");

        assertThat(top.text("namespace")).isEqualTo(Manifest.in("deploy/namespace.yaml", "Namespace").name());
        assertThat(YamlTree.strings(top.body(), "resources")).contains(
                "crd/organizationmirrors.quay.herve4m.github.io.yaml", "rbac", "deploy", "monitoring");
    }

    /** The routes exist once, in routes/: no copy under k8s/ to keep in step by hand. */
    @Test
    void noRouteFileUnderK8s() {
        assertThat(ProjectTree.filesEndingWith(ProjectTree.K8S, Manifest.ROUTE_SUFFIX)).isEmpty();
        assertThat(ProjectTree.filesEndingWith(ProjectTree.ROUTES, Manifest.ROUTE_SUFFIX)).isNotEmpty();
    }

    /** Absolute paths of the resources, generator files and patch files a kustomization names. */
    private static List<Path> references(Manifest kustomization) {
        Path dir = kustomization.file().getParent();
        List<String> relative = new ArrayList<>(YamlTree.strings(kustomization.body(), "resources"));
        for (Map<String, Object> generator : kustomization.maps("configMapGenerator")) {
            relative.addAll(YamlTree.strings(generator, "files"));
        }
        for (Map<String, Object> patch : kustomization.maps("patches")) {
            if (patch.containsKey("path")) {
                relative.add(patch.get("path").toString());
            }
        }
        return relative.stream().map(reference -> dir.resolve(reference).normalize()).toList();
    }
}
