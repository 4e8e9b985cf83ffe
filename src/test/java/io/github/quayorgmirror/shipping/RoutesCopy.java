package io.github.quayorgmirror.shipping;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The route files twice: the top-level routes/ the controller runs, and the copy in k8s/routes/ from which kustomize
 * generates the routes ConfigMap (kustomize cannot read files outside k8s/). k8s/routes/sync-routes.sh makes the copy.
 */
final class RoutesCopy {
    static final String CONFIG_MAP = "quay-orgmirror-routes";
    static final String ROUTE_SUFFIX = ".camel.yaml";
    static final Path COPY = ProjectTree.K8S.resolve("routes");

    private RoutesCopy() {
    }

    /** File name to content of the route files directly in {@code dir}. */
    static Map<String, String> routeFiles(Path dir) {
        Map<String, String> files = new TreeMap<>();
        for (Path file : ProjectTree.filesEndingWith(dir, ROUTE_SUFFIX)) {
            if (file.getParent().equals(dir)) {
                files.put(file.getFileName().toString(), ProjectTree.read(file));
            }
        }
        return files;
    }

    /** The files the copy's kustomization feeds to the routes ConfigMap generator. */
    static List<String> generatorFiles() {
        Manifest kustomization = Manifest.in("routes/kustomization.yaml", "Kustomization");
        return kustomization.maps("configMapGenerator").stream()
                .filter(generator -> CONFIG_MAP.equals(generator.get("name")))
                .findFirst()
                .map(generator -> YamlTree.strings(generator, "files"))
                .orElseThrow(() -> new AssertionError("k8s/routes/kustomization.yaml generates no " + CONFIG_MAP));
    }
}
