package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The call recorder keeps requests for assertions without ever keeping a secret. */
class FakeQuayCallRecorderTest extends FakeQuayTestBase {

    @Test
    void recordsMethodPathQueryBodyAndStatusWithSecretsMasked() throws IOException {
        QuayTestClient session = anonymous();
        session.signIn("alice", "alice-pw");
        session.post(MIRROR, json(validCreate("external_registry_password", "s3cret-source-pw")));
        alice().get(MIRROR + "/repositories?page=2&limit=5");

        assertThat(quay.calls()).extracting(RecordedCall::toString).containsExactly(
                "GET /csrf_token -> 200", "POST /api/v1/signin -> 200", "POST " + MIRROR + " -> 201",
                "GET " + MIRROR + "/repositories?page=2&limit=5 -> 200");
        RecordedCall signin = quay.calls().get(1);
        assertThat(signin.bodyJson().orElseThrow()).containsEntry("username", "alice").containsEntry("password", "****");
        assertThat(signin.header("x-csrf-token")).contains("****");
        assertThat(signin.header("Cookie").orElseThrow()).isEqualTo("_csrf_token=****");
        RecordedCall create = quay.calls().get(2);
        assertThat(create.bodyJson().orElseThrow()).containsEntry("external_registry_password", "****")
                .containsEntry("external_namespace", "upstream");
        assertThat(quay.calls().get(3).header("Authorization")).contains("Bearer ****");
        assertThat(quay.calls().toString() + quay.calls().stream().map(RecordedCall::body).toList()
                + quay.calls().stream().map(RecordedCall::headers).toList())
                .doesNotContain("s3cret-source-pw", "alice-pw", aliceToken, session.csrfToken());
        assertThat(quay.storedPassword("org")).contains("s3cret-source-pw");
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("has_external_registry_password", true)
                .doesNotContainKey("external_registry_password");
    }

    @Test
    void clearingValuesStayVisibleAndClearCallsEmptiesTheLog() throws IOException {
        createMirror(validCreate("external_registry_password", "pw"));
        alice().put(MIRROR, "{\"external_registry_password\": \"\", \"external_registry_username\": null}");
        assertThat(quay.calls()).last().satisfies(c -> assertThat(c.bodyJson().orElseThrow())
                .containsEntry("external_registry_password", "").containsEntry("external_registry_username", null));
        quay.clearCalls();
        assertThat(quay.calls()).isEmpty();
    }
}
