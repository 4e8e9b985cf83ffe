package io.github.quayorgmirror.fakequay;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A Quay (≥ 3.17, {@code FEATURE_ORG_MIRROR} on) for tests: a real HTTP(S) server on 127.0.0.1 with
 * real state, implementing the Quay contract summarised in docs/quay-api.md. See docs/testing-fake-quay.md.
 */
public final class FakeQuay implements AutoCloseable {

    private final FakeQuayServer server;
    private final FakeQuayState state = new FakeQuayState();
    private final Faults faults = new Faults();
    private final CallRecorder recorder = new CallRecorder();
    private final WorkerSimulation worker = new WorkerSimulation(state);

    private FakeQuay(FakeQuayServer server) {
        this.server = server;
        server.start(new ExchangeHandler(FakeQuayRoutes.build(state, server.baseUri()), faults, recorder));
    }

    public static FakeQuay startHttp() {
        return new FakeQuay(FakeQuayServer.bind(false));
    }

    /** HTTPS with a self-signed certificate for 127.0.0.1; see {@link #clientSslContext()}. */
    public static FakeQuay startHttps() {
        return new FakeQuay(FakeQuayServer.bind(true));
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** A client TLS context trusting exactly the fake's self-signed certificate. */
    public static SSLContext clientSslContext() {
        return SelfSignedTls.trustingClientContext();
    }

    public static X509Certificate certificate() {
        return SelfSignedTls.certificate();
    }

    public void addOrganization(String org) {
        locked(() -> state.orgs.putIfAbsent(org, new Organization(org)));
    }

    public boolean hasOrganization(String org) {
        return locked(() -> state.org(org) != null);
    }

    /** The organization is deleted in Quay, and its mirror configuration with it (behind the controller's back). */
    public void removeOrganization(String org) {
        locked(() -> state.orgs.remove(org));
    }

    /** A user who can sign in; keeps the superuser flag if the user already exists. */
    public void addUser(String username, String password) {
        locked(() -> state.addUser(username, password));
    }

    public void makeOrgAdmin(String org, String username) {
        locked(() -> state.requireOrg(org).admins.add(state.requireUser(username).name()));
    }

    /** A full-access superuser ({@code FEATURE_SUPERUSERS_FULL_ACCESS}); created without password if new. */
    public void makeSuperuser(String username) {
        locked(() -> state.makeSuperuser(username));
    }

    /** A new random OAuth token for {@code username} with those scopes. */
    public String addToken(String username, String... scopes) {
        String token = Sessions.randomToken();
        addToken(token, username, new LinkedHashSet<>(Arrays.asList(scopes)));
        return token;
    }

    public void addToken(String token, String username, Set<String> scopes) {
        locked(() -> state.addToken(token, username, scopes));
    }

    /** The token stays known but is treated like an unknown one (anonymous). */
    public void expireToken(String token) {
        locked(() -> state.expireToken(token));
    }

    /** Returns the robot's full name {@code org+shortName}. */
    public String addRobot(String org, String shortName) {
        return locked(() -> state.addRobot(org, shortName));
    }

    /** A private repository in state NORMAL: the org is no longer empty. */
    public void addRepository(String org, String name) {
        locked(() -> state.requireOrg(org).repositories.put(name, new Organization.LocalRepository(name, "NORMAL", false)));
    }

    /** Repository name → state ({@code NORMAL}, {@code ORG_MIRROR}) of every repository in the org. */
    public Map<String, String> repositories(String org) {
        return locked(() -> {
            Map<String, String> out = new TreeMap<>();
            state.requireOrg(org).repositories.values().forEach(r -> out.put(r.name, r.state));
            return out;
        });
    }

    /** Statement 1: off means every {@code /organization/{org}/mirror*} route is unregistered (404). */
    public void setOrgMirrorFeature(boolean enabled) {
        locked(() -> state.orgMirrorFeature = enabled);
    }

    public void setRepoMirrorFeature(boolean enabled) {
        locked(() -> state.repoMirrorFeature = enabled);
    }

    /**
     * A Quay older than 3.17 (§1): {@code /config} gives this {@code version_number} (empty when, as with
     * {@code FEATURE_BILLING} on, it is not told) and no {@code ORG_MIRROR} feature; the org-mirror paths are 404.
     */
    public void simulateVersionWithoutOrgMirror(String versionNumber) {
        locked(() -> {
            state.orgMirrorApi = false;
            state.versionNumber = versionNumber;
        });
    }

    /** {@code SSRF_ALLOWED_HOSTS}: a hostname, an IP, or a CIDR range. */
    public void allowHost(String hostOrCidr) {
        locked(() -> state.allowedHosts.add(hostOrCidr));
    }

    /** What the fake's DNS answers for {@code host}; hosts in no record fail with "Cannot resolve hostname". */
    public void addDnsRecord(String host, String ipAddress) {
        locked(() -> state.dns.put(host.toLowerCase(java.util.Locale.ROOT), ipAddress));
    }

    public void scriptVerify(String org, boolean success, String message) {
        locked(() -> state.requireOrg(org).verifyResult = new Organization.VerifyResult(success, message));
    }

    /** Forces the config's {@code sync_status}, e.g. SYNCING to test statements 41 and 45. */
    public void setSyncStatus(String org, String syncStatus) {
        locked(() -> state.requireMirror(org).syncStatus = syncStatus);
    }

    /** A discovered repository (retries 3); SUCCESS also creates the local {@code org/name} (ORG_MIRROR). */
    public void addDiscoveredRepository(String org, String name, String status) {
        addDiscoveredRepository(org, name, status, MirrorConfig.MAX_RETRIES);
    }

    public void addDiscoveredRepository(String org, String name, String status, int retriesRemaining) {
        locked(() -> {
            state.requireMirror(org);
            worker.addDiscovered(state.requireOrg(org), name, status, retriesRemaining);
        });
    }

    /** The repository names the source registry lists when the worker runs discovery. */
    public void scriptSourceRepositories(String org, List<String> names) {
        locked(() -> state.requireOrg(org).sourceRepositories = List.copyOf(names));
    }

    /** Makes the next discoveries fail with this message; null makes them succeed again. */
    public void scriptDiscoveryFailure(String org, String message) {
        locked(() -> state.requireOrg(org).discoveryFailure = message);
    }

    /** Statement 50: one worker tick for the org's config (eligible, enabled configs only). */
    public void simulateWorker(String org) {
        locked(() -> worker.tick(state.requireOrg(org)));
    }

    /** The config as GET shows it (no password; {@code has_external_registry_password} tells). */
    public Optional<Map<String, Object>> mirrorConfig(String org) {
        return locked(() -> {
            Organization o = state.org(org);
            return o == null || o.mirror == null ? Optional.empty()
                    : Optional.of(o.mirror.toJson(OrgMirrorHandler.statusCounts(o)));
        });
    }

    /** For assertions only: the stored source registry password. */
    public Optional<String> storedPassword(String org) {
        return locked(() -> {
            Organization o = state.org(org);
            return o == null || o.mirror == null ? Optional.empty() : Optional.ofNullable(o.mirror.password);
        });
    }

    /** Every session becomes invalid: later cookie calls are anonymous and fail CSRF. */
    public void expireSessions() {
        state.sessions.expireAll();
    }

    /** Every request so far, secrets masked, in arrival order (recorded before the answer is sent). */
    public List<RecordedCall> calls() {
        return recorder.calls();
    }

    /** How many requests came in so far: {@code calls().size()}, without the copy. */
    public int callCount() {
        return recorder.count();
    }

    /** The recorded calls with this method and path (path without query). */
    public List<RecordedCall> calls(String method, String path) {
        return recorder.calls().stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    public void clearCalls() {
        recorder.clear();
    }

    public void failNext(FaultSpec spec) {
        faults.add(spec);
    }

    /** How many requests an armed fault has hit so far, including ones still being delayed. */
    public int faultsFired() {
        return faults.fired();
    }

    public void clearFaults() {
        faults.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "FakeQuay[" + baseUri() + "]";
    }

    private void locked(Runnable change) {
        synchronized (state) {
            change.run();
        }
    }

    private <T> T locked(Supplier<T> read) {
        synchronized (state) {
            return read.get();
        }
    }
}
