package io.github.quayorgmirror.shipping;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** One YAML document of a file under k8s/. */
record Manifest(Path file, Map<String, Object> body) {

    /** The name ending of a Camel route file. */
    static final String ROUTE_SUFFIX = ".camel.yaml";

    /** Every document of every {@code *.yaml} file under k8s/, kustomizations and overlays included. */
    static List<Manifest> all() {
        return ProjectTree.filesEndingWith(ProjectTree.K8S, ".yaml").stream()
                .flatMap(file -> YamlTree.documents(ProjectTree.read(file)).stream()
                        .map(body -> new Manifest(file, body)))
                .toList();
    }

    static Manifest in(String relativeFile, String kind) {
        Path file = ProjectTree.K8S.resolve(relativeFile);
        return YamlTree.documents(ProjectTree.read(file)).stream()
                .map(body -> new Manifest(file, body))
                .filter(manifest -> kind.equals(manifest.kind()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind + " in " + file));
    }

    String kind() {
        return YamlTree.text(body, "kind");
    }

    String name() {
        return YamlTree.text(body, "metadata.name");
    }

    Map<String, Object> map(String path) {
        return YamlTree.map(body, path);
    }

    List<Map<String, Object>> maps(String path) {
        return YamlTree.maps(body, path);
    }

    String text(String path) {
        return YamlTree.text(body, path);
    }

    @Override
    public String toString() {
        return kind() + " " + name() + " (" + ProjectTree.K8S.relativize(file) + ")";
    }
}
