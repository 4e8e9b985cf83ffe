package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Quay's timestamp output and strict input, Python's fnmatch and repr, as the fake reproduces them. */
class QuayFormatsTest {

    @Test
    void timestampsCarryMicrosecondsOnlyWhenPresent() {
        assertThat(QuayTime.format(Instant.parse("2026-04-25T16:00:00Z"))).isEqualTo("2026-04-25T16:00:00Z");
        assertThat(QuayTime.format(Instant.parse("2026-04-23T14:09:52.950894Z"))).isEqualTo("2026-04-23T14:09:52.950894Z");
        assertThat(QuayTime.format(Instant.parse("2026-04-23T14:09:52.950894321Z"))).isEqualTo("2026-04-23T14:09:52.950894Z");
        assertThat(QuayTime.format(Instant.parse("2026-04-23T14:09:52.100Z"))).isEqualTo("2026-04-23T14:09:52.100000Z");
        assertThat(QuayTime.format(null)).isNull();
    }

    @Test
    void inputDatesAreStrict() {
        assertThat(QuayTime.parseInput("2026-04-25T16:00:00Z")).isEqualTo(Instant.parse("2026-04-25T16:00:00Z"));
        assertThat(QuayTime.parseInput("2026-02-30T16:00:00Z")).isNull();
        assertThat(QuayTime.parseInput("2026-04-25T16:00:00.0Z")).isNull();
        assertThat(QuayTime.parseInput("2026-04-25T16:00:00z")).isNull();
    }

    @Test
    void globsFollowFnmatchcase() {
        assertThat(Glob.matches("app-*", "app-web")).isTrue();
        assertThat(Glob.matches("app-*", "App-web")).isFalse();
        assertThat(Glob.matches("lib?", "lib1")).isTrue();
        assertThat(Glob.matches("lib?", "lib12")).isFalse();
        assertThat(Glob.matches("[ab]*", "beta")).isTrue();
        assertThat(Glob.matches("[!ab]*", "beta")).isFalse();
        assertThat(Glob.matches("a.b", "axb")).isFalse();
        assertThat(Glob.matches("team/*", "team/app")).isTrue();
    }

    @Test
    void pythonReprOfJsonValues() {
        assertThat(PyRepr.of(Json.parse("{\"a\": [1, 2.5, true, null, \"it's\"]}")))
                .isEqualTo("{'a': [1, 2.5, True, None, \"it's\"]}");
        assertThat(PyRepr.sorted(Json.parse("{\"type\": \"integer\", \"minimum\": 60}")))
                .isEqualTo("{'minimum': 60, 'type': 'integer'}");
        assertThat(PyRepr.string("back\\slash\n")).isEqualTo("'back\\\\slash\\n'");
    }
}
