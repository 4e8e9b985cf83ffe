package io.github.quayorgmirror.shipping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the project checkout, found from the Maven base directory the tests run in. */
final class ProjectTree {
    static final Path ROOT = locateRoot();
    static final Path K8S = ROOT.resolve("k8s");
    static final Path ROUTES = ROOT.resolve("routes");

    private ProjectTree() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relativePath) {
        return read(ROOT.resolve(relativePath));
    }

    /** Regular files below {@code dir} whose name ends with {@code suffix}, sorted; empty when {@code dir} is absent. */
    static List<Path> filesEndingWith(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no pom.xml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
