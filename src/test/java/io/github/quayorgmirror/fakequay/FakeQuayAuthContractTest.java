package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract statements 1–16: routing, feature flag, authentication, CSRF and permissions. */
class FakeQuayAuthContractTest extends FakeQuayTestBase {

    /** One call of every org-mirror method, with bodies that would be valid. */
    private List<QuayTestClient.Reply> everyMirrorMethod(QuayTestClient client, String org) throws IOException {
        String base = "/api/v1/organization/" + org + "/mirror";
        List<QuayTestClient.Reply> replies = new ArrayList<>();
        replies.add(client.get(base));
        replies.add(client.post(base, json(validCreate())));
        replies.add(client.put(base, "{}"));
        replies.add(client.post(base + "/sync-now", null));
        replies.add(client.post(base + "/sync-cancel", null));
        replies.add(client.post(base + "/verify", null));
        replies.add(client.get(base + "/repositories"));
        replies.add(client.delete(base));
        return replies;
    }

    @Test
    void statement01_featureOffMakesEveryMirrorPath404() throws IOException {
        createMirror(validCreate());
        quay.setOrgMirrorFeature(false);
        assertThat(everyMirrorMethod(alice(), "org")).extracting(QuayTestClient.Reply::status).containsOnly(404);
        assertThat(alice().get("/api/v1/organization/org").status()).isEqualTo(200);
        quay.setOrgMirrorFeature(true);
        assertThat(alice().get(MIRROR).status()).isEqualTo(200);
    }

    @Test
    void statement02_configReportsMirrorFeaturesAsBooleans() throws IOException {
        QuayTestClient.Reply on = anonymous().get("/config");
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().at("/features/ORG_MIRROR").isBoolean()).isTrue();
        assertThat(on.json().at("/features/ORG_MIRROR").booleanValue()).isTrue();
        assertThat(on.json().at("/features/REPO_MIRROR").booleanValue()).isTrue();
        quay.setOrgMirrorFeature(false);
        quay.setRepoMirrorFeature(false);
        QuayTestClient.Reply off = anonymous().get("/config");
        assertThat(off.json().at("/features/ORG_MIRROR").booleanValue()).isFalse();
        assertThat(off.json().at("/features/REPO_MIRROR").booleanValue()).isFalse();
        assertThat(off.json().path("version_number").asText()).startsWith("Quay 3.17");
    }

    @Test
    void statement01_aQuayOlderThan317HasNoOrgMirrorFeatureNorPaths() throws IOException {
        createMirror(validCreate());
        quay.simulateVersionWithoutOrgMirror("Quay 3.16.3");
        QuayTestClient.Reply config = anonymous().get("/config");
        assertThat(config.json().at("/features").has("ORG_MIRROR")).isFalse();
        assertThat(config.json().at("/features/REPO_MIRROR").booleanValue()).isTrue();
        assertThat(config.json().path("version_number").asText()).isEqualTo("Quay 3.16.3");
        assertThat(everyMirrorMethod(alice(), "org")).extracting(QuayTestClient.Reply::status).containsOnly(404);
    }

    @Test
    void statement03_knownBearerAuthenticatesUnknownOrExpiredIsAnonymous() throws IOException {
        assertThat(alice().get(MIRROR).status()).isEqualTo(404);
        assertThat(alice().get("/api/v1/organization/org").json().get("is_admin").booleanValue()).isTrue();
        QuayTestClient.Reply unknown = anonymous().bearer("no-such-token").get(MIRROR);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("error_type").asText()).isEqualTo("invalid_token");
        quay.expireToken(aliceToken);
        assertThat(alice().get(MIRROR).status()).isEqualTo(401);
        assertThat(alice().get("/api/v1/organization/org").json().get("is_admin").booleanValue()).isFalse();
    }

    @Test
    void statement04_basicAuthIsIgnored() throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:alice-pw".getBytes(StandardCharsets.UTF_8));
        QuayTestClient.Reply get = anonymous().send("GET", MIRROR, null, "Authorization", basic);
        assertThat(get.status()).isEqualTo(401);
        assertThat(get.json().get("error_type").asText()).isEqualTo("invalid_token");
        QuayTestClient.Reply post = anonymous().send("POST", MIRROR, json(validCreate()), "Authorization", basic);
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.json().get("error").asText()).startsWith(QuayErrors.CSRF_MESSAGE);
        assertThat(quay.mirrorConfig("org")).isEmpty();
    }

    @Test
    void statement05_csrfTokenEndpointSetsSessionCookieBoundToToken() throws IOException {
        QuayTestClient client = anonymous();
        QuayTestClient.Reply first = client.get("/csrf_token");
        assertThat(first.status()).isEqualTo(200);
        String token = first.json().get("csrf_token").asText();
        assertThat(token).isNotBlank();
        assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("_csrf_token="));
        assertThat(client.get("/csrf_token").json().get("csrf_token").asText()).isEqualTo(token);
        assertThat(anonymous().get("/csrf_token").json().get("csrf_token").asText()).isNotEqualTo(token);
    }

    @Test
    void statement06_signinRotatesCsrfTokenAndBindsSessionToUser() throws IOException {
        QuayTestClient client = anonymous();
        String before = client.get("/csrf_token").json().get("csrf_token").asText();
        QuayTestClient.Reply signin = client.csrf(before)
                .post("/api/v1/signin", "{\"username\": \"alice\", \"password\": \"alice-pw\"}");
        assertThat(signin.status()).isEqualTo(200);
        assertThat(signin.json().get("success").booleanValue()).isTrue();
        String next = signin.headers().firstValue("X-Next-CSRF-Token").orElseThrow();
        assertThat(next).isNotEqualTo(before);
        assertThat(signin.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("_csrf_token="));
        assertThat(client.get(MIRROR).status()).isEqualTo(404);
        assertThat(client.csrf(next).post(MIRROR, json(validCreate())).status()).isEqualTo(201);
    }

    @Test
    void statement07_badCredentialsGive403WithInvalidCredentials() throws IOException {
        QuayTestClient.Reply reply = anonymous().signIn("alice", "wrong");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("needsEmailVerification").booleanValue()).isFalse();
        assertThat(reply.json().get("invalidCredentials").booleanValue()).isTrue();
        assertThat(reply.json().get("message").isTextual()).isTrue();
        assertThat(anonymous().signIn("nobody", "x").status()).isEqualTo(403);
    }

    @Test
    void statement08_signinWithoutMatchingCsrfTokenIs403Csrf() throws IOException {
        QuayTestClient client = anonymous();
        client.get("/csrf_token");
        String body = "{\"username\": \"alice\", \"password\": \"alice-pw\"}";
        QuayTestClient.Reply noHeader = client.post("/api/v1/signin", body);
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(noHeader.json().get("error").asText()).isEqualTo(QuayErrors.CSRF_MESSAGE);
        assertThat(client.csrf("forged").post("/api/v1/signin", body).status()).isEqualTo(403);
        assertThat(anonymous().csrf("no-cookie").post("/api/v1/signin", body).json().get("error").asText())
                .isEqualTo(QuayErrors.CSRF_MESSAGE);
    }

    @Test
    void statement09_mutationsWithoutBearerOrCsrfAre403BeforeAnyOtherCheck() throws IOException {
        QuayTestClient client = anonymous();
        client.signIn("alice", "alice-pw");
        client.csrf(null);
        List<QuayTestClient.Reply> replies = List.of(
                client.post(MIRROR, "{\"not\": \"valid\"}"),
                client.put(MIRROR, "{\"sync_interval\": 1}"),
                client.delete(MIRROR),
                client.post("/api/v1/organization/nosuchorg/mirror/sync-now", null),
                anonymous().post(MIRROR, json(validCreate())),
                anonymous().bearer("bogus").delete(MIRROR));
        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("error").asText()).startsWith(QuayErrors.CSRF_MESSAGE);
            assertThat(r.json().has("error_type")).isFalse();
        });
    }

    @Test
    void statement10_getNeverNeedsCsrfToken() throws IOException {
        createMirror(validCreate());
        QuayTestClient client = anonymous();
        client.signIn("alice", "alice-pw");
        client.csrf(null);
        assertThat(client.get(MIRROR).status()).isEqualTo(200);
        assertThat(client.get(MIRROR + "/repositories").status()).isEqualTo(200);
        assertThat(client.get("/api/v1/organization/org").status()).isEqualTo(200);
    }

    @Test
    void statement11_afterSigninNewTokenWorksOldTokenIs403() throws IOException {
        QuayTestClient client = anonymous();
        String old = client.get("/csrf_token").json().get("csrf_token").asText();
        client.csrf(old);
        client.signIn("alice", "alice-pw");
        String fresh = client.csrfToken();
        QuayTestClient.Reply withOld = client.csrf(old).post(MIRROR, json(validCreate()));
        assertThat(withOld.status()).isEqualTo(403);
        assertThat(withOld.json().get("error").asText()).startsWith(QuayErrors.CSRF_MESSAGE);
        assertThat(client.csrf(fresh).post(MIRROR, json(validCreate())).status()).isEqualTo(201);
        assertThat(client.put(MIRROR, "{\"sync_interval\": 7200}").status()).isEqualTo(200);
        assertThat(client.delete(MIRROR).status()).isEqualTo(204);
    }

    @Test
    void statement12_signoutMakesLaterCookieCallsAnonymous() throws IOException {
        QuayTestClient client = anonymous();
        client.signIn("alice", "alice-pw");
        assertThat(client.get(MIRROR).status()).isEqualTo(404);
        assertThat(client.post("/api/v1/signout", null).status()).isEqualTo(200);
        QuayTestClient.Reply after = client.get(MIRROR);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("error_type").asText()).isEqualTo("invalid_token");
        assertThat(client.post(MIRROR, json(validCreate())).status()).isEqualTo(401);
        assertThat(quay.mirrorConfig("org")).isEmpty();
    }

    @Test
    void expiredSessionsMakeCookieCallsAnonymousAndFailCsrf() throws IOException {
        QuayTestClient client = anonymous();
        client.signIn("alice", "alice-pw");
        quay.expireSessions();
        assertThat(client.get(MIRROR).status()).isEqualTo(401);
        QuayTestClient.Reply post = client.post(MIRROR, json(validCreate()));
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.json().get("error").asText()).isEqualTo(QuayErrors.CSRF_MESSAGE);
        assertThat(client.signIn("alice", "alice-pw").status()).isEqualTo(200);
        assertThat(client.post(MIRROR, json(validCreate())).status()).isEqualTo(201);
    }

    @Test
    void statement13_anonymousGetIs401InvalidToken() throws IOException {
        createMirror(validCreate());
        for (String path : List.of(MIRROR, MIRROR + "/repositories", "/api/v1/organization/nosuch/mirror")) {
            QuayTestClient.Reply reply = anonymous().get(path);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("error_type").asText()).isEqualTo("invalid_token");
            assertThat(reply.json().get("detail").asText()).isEqualTo("Requires authentication");
        }
    }

    @Test
    void statement14_nonAdminGets403EvenForMissingOrg() throws IOException {
        createMirror(validCreate());
        List<QuayTestClient.Reply> replies = new ArrayList<>(everyMirrorMethod(bob(), "org"));
        replies.addAll(everyMirrorMethod(bob(), "nosuchorg"));
        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("error_type").asText()).isEqualTo("insufficient_scope");
            assertThat(r.json().get("detail").asText()).isEqualTo("Unauthorized");
        });
        assertThat(quay.mirrorConfig("org")).isPresent();
    }

    @Test
    void statement15_tokenWithoutOrgAdminScopeIs403EvenForOrgAdmin() throws IOException {
        createMirror(validCreate());
        String readOnly = quay.addToken("alice", "repo:read", "repo:write");
        assertThat(everyMirrorMethod(anonymous().bearer(readOnly), "org")).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("error_type").asText()).isEqualTo("insufficient_scope");
        });
        assertThat(quay.mirrorConfig("org")).isPresent();
    }

    @Test
    void statement16_schemaFailureIs400BeforePermissionCheck() throws IOException {
        createMirror(validCreate());
        QuayTestClient.Reply badPost = bob().post(MIRROR, json(validCreate("sync_interval", 10)));
        assertThat(badPost.status()).isEqualTo(400);
        assertThat(badPost.errorMessage()).startsWith("10 is less than the minimum of 60");
        QuayTestClient.Reply badPut = bob().put(MIRROR, "{\"visibility\": \"Public\"}");
        assertThat(badPut.status()).isEqualTo(400);
        assertThat(badPut.errorMessage()).startsWith("'Public' is not one of ['public', 'private']");
        assertThat(bob().put(MIRROR, "{\"visibility\": \"public\"}").status()).isEqualTo(403);
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("visibility", "private");
    }
}
