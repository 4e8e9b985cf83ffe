package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quayorgmirror.failure.ConditionReason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionSecretParserTest {

    private static final String SECRET = "team-a/quay-conn";
    private static final String TOKEN = "tok-SuperSecret-123";
    private static final String PASSWORD = "pw-SuperSecret-456";

    private static Map<String, String> data(String... keyValues) {
        Map<String, String> data = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put(keyValues[i], Base64.getEncoder().encodeToString(keyValues[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return data;
    }

    static Stream<Arguments> hosts() {
        return Stream.of(
                Arguments.of("https://quay.example.com", "https://quay.example.com"),
                Arguments.of("quay.example.com", "https://quay.example.com"),
                Arguments.of("quay.example.com:8443/", "https://quay.example.com:8443"),
                Arguments.of("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
                Arguments.of("HTTPS://Quay.Example.com/", "https://Quay.Example.com"),
                Arguments.of("https://example.com/quay//", "https://example.com/quay"),
                Arguments.of("  https://example.com/quay/apis  ", "https://example.com/quay/apis"),
                Arguments.of("https://example.com/api-gateway/quay", "https://example.com/api-gateway/quay"));
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void normalisesHost(String host, String expected) throws Exception {
        QuayConnection connection = ConnectionSecretParser.parse(SECRET, data("host", host, "token", TOKEN));
        assertThat(connection.baseUri()).isEqualTo(URI.create(expected));
    }

    static Stream<Arguments> invalidSecrets() {
        return Stream.of(
                Arguments.of(data("token", TOKEN), "host", "is required"),
                Arguments.of(data("host", " ", "token", TOKEN), "host", "is required"),
                Arguments.of(data("host", "ftp://quay.example.com", "token", TOKEN), "host", "http or https"),
                Arguments.of(data("host", "https://exa mple.com", "token", TOKEN), "host", "not a valid"),
                Arguments.of(data("host", "https://", "token", TOKEN), "host", "not a valid"),
                Arguments.of(data("host", "https://quay.example.com?x=1", "token", TOKEN), "host", "not a valid"),
                Arguments.of(data("host", "https://user:pw@quay.example.com", "token", TOKEN), "host", "not a valid"),
                Arguments.of(data("host", "q", "token", TOKEN, "validateCerts", "maybe"), "validateCerts", "yes/no, on/off or 1/0"),
                Arguments.of(data("host", "q", "token", TOKEN, "validateCerts", "2"), "validateCerts", "yes/no, on/off or 1/0"),
                Arguments.of(data("host", "q", "token", TOKEN, "timeout", "ten"), "timeout", "number of seconds"),
                Arguments.of(data("host", "q", "token", TOKEN, "timeout", "10s"), "timeout", "number of seconds"),
                Arguments.of(data("host", "q", "token", TOKEN, "timeout", "0"), "timeout", "greater than 0"),
                Arguments.of(data("host", "q", "token", TOKEN, "timeout", "-5"), "timeout", "greater than 0"),
                Arguments.of(data("host", "q", "token", TOKEN, "timeout", "0.0001"), "timeout", "greater than 0"),
                Arguments.of(data("host", "quay.example.com:99999", "token", TOKEN), "host", "port outside 1 to 65535"),
                Arguments.of(data("host", "https://quay.example.com:0", "token", TOKEN), "host", "port outside 1 to 65535"),
                Arguments.of(data("host", "q", "username", "alice", "password", PASSWORD + "\n"), "password",
                        "ends with a line break"),
                Arguments.of(data("host", "q", "username", "alice", "password", "  "), "password", "only blanks"),
                Arguments.of(data("host", "q", "username", "alice"), "password", "required together"),
                Arguments.of(data("host", "q", "password", PASSWORD), "username", "required together"),
                Arguments.of(data("host", "q"), null, "neither 'token' nor 'username' and 'password'"),
                Arguments.of(data("host", "q", "token", " "), null, "neither 'token'"),
                Arguments.of(data("host", "https://quay.example.com/api", "token", TOKEN), "host", "without /api/v1"),
                Arguments.of(data("host", "https://quay.example.com/api/v1/", "token", TOKEN), "host", "without /api/v1"),
                Arguments.of(data("host", "quay.example.com/quay/API/V1", "token", TOKEN), "host", "without /api/v1"),
                Arguments.of(data("host", "q", "token", "Bearer " + TOKEN), "token", "without \"Bearer \""),
                Arguments.of(data("host", "q", "token", "bearer " + TOKEN), "token", "without \"Bearer \""),
                Arguments.of(data("host", "q", "token", TOKEN + " " + TOKEN), "token", "put the bare token"),
                Arguments.of(data("host", "q", "token", TOKEN + "\n" + TOKEN), "token", "put the bare token"),
                Arguments.of(data("host", "q", "token", TOKEN + "\u0000"), "token", "put the bare token"),
                Arguments.of(data("host", "q", "token", TOKEN, "timeout", "3600.001"), "timeout", "at most 3600 seconds"),
                Arguments.of(data("host", "q", "token", TOKEN, "timeout", "86400"), "timeout", "at most 3600 seconds"),
                Arguments.of(data("host", "q", "token", TOKEN, "timeout", "1e30"), "timeout", "at most 3600 seconds"),
                Arguments.of(data("host", "q", "token", TOKEN, "timeout", "9223372036854775807"), "timeout",
                        "at most 3600 seconds"));
    }

    @ParameterizedTest
    @MethodSource("invalidSecrets")
    void rejectsInvalidSecretNamingSecretAndKey(Map<String, String> data, String key, String problem) {
        assertThatThrownBy(() -> ConnectionSecretParser.parse(SECRET, data))
                .isInstanceOfSatisfying(ConnectionSecretException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.secret()).isEqualTo(SECRET);
                    assertThat(e.reason()).isEqualTo(ConditionReason.InvalidSecret);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).startsWith("Secret " + SECRET).contains(problem)
                            .doesNotContain(TOKEN).doesNotContain(PASSWORD);
                    if (key != null) {
                        assertThat(e.getMessage()).contains("'" + key + "'");
                    }
                });
    }

    @ParameterizedTest
    @MethodSource("undecodableKeys")
    void rejectsValueThatIsNotBase64(String key) {
        Map<String, String> data = data("host", "q", "token", TOKEN);
        data.put(key, "%%%not-base64%%%");
        assertThatThrownBy(() -> ConnectionSecretParser.parse(SECRET, data))
                .isInstanceOfSatisfying(ConnectionSecretException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.getMessage()).contains("'" + key + "'", "base64").doesNotContain("%%%");
                });
    }

    static Stream<String> undecodableKeys() {
        return Stream.of("host", "token", "validateCerts", "timeout");
    }

    static Stream<Arguments> validateCertsValues() {
        return Stream.of(Arguments.of(null, true), Arguments.of("true", true), Arguments.of("TRUE", true),
                Arguments.of("False", false), Arguments.of("false", false), Arguments.of(" false ", false),
                // the spellings of Ansible's boolean filter, which the operator we replace read this key with
                Arguments.of("yes", true), Arguments.of("No", false), Arguments.of("ON", true), Arguments.of("off", false),
                Arguments.of("1", true), Arguments.of("0", false), Arguments.of("y", true), Arguments.of("N", false),
                Arguments.of("t", true), Arguments.of("F", false));
    }

    @ParameterizedTest
    @MethodSource("validateCertsValues")
    void readsValidateCerts(String value, boolean expected) throws Exception {
        Map<String, String> data = value == null ? data("host", "q", "token", TOKEN)
                : data("host", "q", "token", TOKEN, "validateCerts", value);
        assertThat(ConnectionSecretParser.parse(SECRET, data).validateCerts()).isEqualTo(expected);
    }

    static Stream<Arguments> timeouts() {
        return Stream.of(Arguments.of(null, Duration.ofSeconds(10)), Arguments.of("30", Duration.ofSeconds(30)),
                Arguments.of("2.5", Duration.ofMillis(2500)), Arguments.of(" 0.25 ", Duration.ofMillis(250)),
                Arguments.of("3600", Duration.ofHours(1)));
    }

    @ParameterizedTest
    @MethodSource("timeouts")
    void readsTimeoutInSeconds(String value, Duration expected) throws Exception {
        Map<String, String> data = value == null ? data("host", "q", "token", TOKEN)
                : data("host", "q", "token", TOKEN, "timeout", value);
        assertThat(ConnectionSecretParser.parse(SECRET, data).timeout()).isEqualTo(expected);
    }

    @Test
    void tokenLosesTheLineBreakThatEchoAdds() throws Exception {
        QuayConnection connection = ConnectionSecretParser.parse(SECRET, data("host", "q", "token", TOKEN + "\n"));
        assertThat(connection.credentials()).isEqualTo(new QuayConnection.Credentials.Token(TOKEN));
    }

    @Test
    void tokenWinsOverUsernameAndPassword() throws Exception {
        QuayConnection connection = ConnectionSecretParser.parse(SECRET,
                data("host", "q", "token", TOKEN, "username", "alice", "password", PASSWORD));
        assertThat(connection.credentials()).isEqualTo(new QuayConnection.Credentials.Token(TOKEN));
        assertThat(connection.sessionKey()).isNull();
    }

    @Test
    void usernameAndPasswordMakeASessionConnection() throws Exception {
        QuayConnection connection = ConnectionSecretParser.parse(SECRET,
                data("host", "quay.example.com", "username", "alice", "password", PASSWORD));
        assertThat(connection.credentials())
                .isEqualTo(new QuayConnection.Credentials.UsernamePassword("alice", PASSWORD));
        assertThat(connection.sessionKey()).startsWith("https://quay.example.com|true|alice|")
                .doesNotContain(PASSWORD).hasSize("https://quay.example.com|true|alice|".length() + 64);
        assertThat(connection.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void sessionKeyTellsPasswordsAndCertificateCheckingApart() throws Exception {
        String right = ConnectionSecretParser.parse(SECRET,
                data("host", "q", "username", "alice", "password", PASSWORD)).sessionKey();
        String wrong = ConnectionSecretParser.parse(SECRET,
                data("host", "q", "username", "alice", "password", PASSWORD + "x")).sessionKey();
        String unchecked = ConnectionSecretParser.parse(SECRET,
                data("host", "q", "username", "alice", "password", PASSWORD, "validateCerts", "false")).sessionKey();
        assertThat(List.of(right, wrong, unchecked)).doesNotHaveDuplicates();
    }

    @Test
    void toStringNeverShowsToken() throws Exception {
        QuayConnection connection = ConnectionSecretParser.parse(SECRET, data("host", "q", "token", TOKEN));
        assertThat(connection.toString()).doesNotContain(TOKEN).contains("auth=token");
    }
}
