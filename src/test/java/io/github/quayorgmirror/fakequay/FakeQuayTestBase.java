package io.github.quayorgmirror.fakequay;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fake with org {@code org} (robot {@code org+syncrobot}), admin {@code alice}, non-admin {@code bob},
 * full-access superuser {@code root}, and a token for each; plus a valid create body.
 */
abstract class FakeQuayTestBase {

    static final String MIRROR = "/api/v1/organization/org/mirror";

    FakeQuay quay;
    String aliceToken;
    String bobToken;
    String rootToken;

    @BeforeEach
    void startFake() {
        quay = FakeQuay.startHttp();
        quay.addOrganization("org");
        quay.addOrganization("other");
        quay.addUser("alice", "alice-pw");
        quay.addUser("bob", "bob-pw");
        quay.addUser("root", "root-pw");
        quay.makeOrgAdmin("org", "alice");
        quay.makeOrgAdmin("other", "bob");
        quay.makeSuperuser("root");
        quay.addRobot("org", "syncrobot");
        quay.addRobot("other", "otherbot");
        aliceToken = quay.addToken("alice", "org:admin", "repo:read");
        bobToken = quay.addToken("bob", "org:admin", "repo:read");
        rootToken = quay.addToken("root", "org:admin", "super:user");
    }

    @AfterEach
    void stopFake() {
        quay.close();
    }

    QuayTestClient anonymous() {
        return new QuayTestClient(quay);
    }

    QuayTestClient alice() {
        return new QuayTestClient(quay).bearer(aliceToken);
    }

    QuayTestClient bob() {
        return new QuayTestClient(quay).bearer(bobToken);
    }

    QuayTestClient root() {
        return new QuayTestClient(quay).bearer(rootToken);
    }

    static Map<String, Object> validCreate() {
        return ValidCreateBody.startingAt("2024-01-01T00:00:00Z");
    }

    static Map<String, Object> validCreate(String key, Object value) {
        Map<String, Object> body = validCreate();
        body.put(key, value);
        return body;
    }

    static String json(Object value) {
        return Json.write(value);
    }

    /** Creates the mirror of {@code org} as alice and returns the GET answer's state. */
    Map<String, Object> createMirror(Map<String, Object> body) throws IOException {
        QuayTestClient.Reply reply = alice().post(MIRROR, json(body));
        if (reply.status() != 201) {
            throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
        }
        return quay.mirrorConfig("org").orElseThrow();
    }
}
