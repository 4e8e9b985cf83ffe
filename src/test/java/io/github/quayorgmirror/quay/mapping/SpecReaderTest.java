package io.github.quayorgmirror.quay.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.quay.mapping.SpecReader.Read;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Without the CRD's schema a field can have any JSON type: reading the spec never fails, and names the field. */
class SpecReaderTest {

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("organization", Map.of("x", "y"), "spec.organization: is an object (expected a string;"),
                Arguments.of("repositoryFilters", "quay*", "spec.repositoryFilters: is a string (expected a list of strings;"),
                Arguments.of("repositoryFilters", List.of("ok", Map.of("a", 1)),
                        "spec.repositoryFilters: has an item that is an object (expected a list of strings;"),
                Arguments.of("isEnabled", List.of(true), "spec.isEnabled: is a list (expected true or false;"),
                Arguments.of("connSecretRef", "quay-credentials-secret", "spec.connSecretRef: is a string (expected an object;"),
                Arguments.of("connSecretRef", Map.of("name", List.of("a")), "spec.connSecretRef.name: is a list (expected a string;"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void aFieldOfTheWrongTypeIsLeftOutAndNamed(String field, Object value, String message) {
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("organization", "productionmirror",
                "connSecretRef", Map.of("name", "quay-credentials-secret"), "preserveInQuayOnDeletion", true));
        spec.put(field, value);

        Read read = SpecReader.read(spec);

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith(message).contains("is the CRD of k8s/crd/ installed?");
        });
        assertThat(read.spec().preserveInQuay()).as("the other fields are still read").isTrue();
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        Read read = SpecReader.read(Map.of("organization", 12, "robotUsername", Map.of(), "visibility", List.of()));

        assertThat(read.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("spec.robotUsername", "spec.visibility");
        assertThat(read.spec().organization()).as("a number where a string belongs is read as its text").isEqualTo("12");
    }

    @Test
    void aSpecThatIsNoObjectIsNamedToo() {
        Read read = SpecReader.read("everything");

        assertThat(read.problems()).singleElement().extracting(FieldProblem::message).asString()
                .startsWith("spec: is a string (expected an object;");
        assertThat(read.spec().organization()).isNull();
    }

    @Test
    void aWellTypedSpecHasNoProblem() {
        Read read = SpecReader.read(Map.of("organization", "productionmirror", "repositoryFilters", List.of("a*")));

        assertThat(read.problems()).isEmpty();
        assertThat(read.spec().repositoryFilters()).containsExactly("a*");
        assertThat(SpecReader.read(null).problems()).isEmpty();
    }
}
