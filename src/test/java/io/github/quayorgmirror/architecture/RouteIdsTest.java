package io.github.quayorgmirror.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing in Java keys behaviour on a route id: renaming a route must not change how a call authenticates or what
 * counts as "absent". Java names a route only to send to it ({@code "direct:..."}); what a Quay call is comes from
 * its row in the operation table, whose tag column is the one place a Quay route's name appears.
 */
class RouteIdsTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path OPERATION_TABLE = MAIN.resolve("io/github/quayorgmirror/quay/QuayOperation.java");
    private static final Pattern ROUTE_ID = Pattern.compile("(?m)^\\s*id:\\s*([\\w-]+)\\s*$");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");

    @Test
    void noJavaComparesOrHoldsARouteId() {
        Set<String> routeIds = routeIds();
        assertThat(routeIds).contains("quay-get-org-mirror", "quay-call", "orgmirror-reconcile");

        List<String> found = javaSources().flatMap(file -> literals(file).stream()
                        .filter(routeIds::contains)
                        .map(literal -> MAIN.relativize(file) + ": \"" + literal + "\""))
                .toList();

        assertThat(found).as("route ids held as Java strings (outside the operation table's tags)").isEmpty();
    }

    private static Set<String> routeIds() {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.filter(file -> file.toString().endsWith(".camel.yaml"))
                    .flatMap(file -> ROUTE_ID.matcher(read(file)).results().map(match -> match.group(1)))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaSources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java") && !file.equals(OPERATION_TABLE)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> literals(Path file) {
        Matcher matcher = STRING_LITERAL.matcher(read(file));
        return matcher.results().map(match -> match.group(1)).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
