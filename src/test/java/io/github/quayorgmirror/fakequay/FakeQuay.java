package io.github.quayorgmirror.fakequay;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A Quay (≥ 3.17, {@code FEATURE_ORG_MIRROR} on) for tests: a real HTTP(S) server on 127.0.0.1 with
 * real state, implementing the contract of quay-org-mirror-api.md §15. See docs/testing-fake-quay.md.
 */
public final class FakeQuay implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final FakeQuayState state = new FakeQuayState();
    private final Faults faults = new Faults();
    private final CallRecorder recorder = new CallRecorder();
    private final WorkerSimulation worker = new WorkerSimulation(state);

    private FakeQuay(HttpServer server, String scheme) {
        this.server = server;
        this.baseUri = URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-quay-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new ExchangeHandler(FakeQuayRoutes.build(state, baseUri), faults, recorder));
        server.start();
    }

    public static FakeQuay startHttp() {
        try {
            return new FakeQuay(HttpServer.create(loopback(), 0), "http");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Quay", e);
        }
    }

    /** HTTPS with a self-signed certificate for 127.0.0.1; see {@link #clientSslContext()}. */
    public static FakeQuay startHttps() {
        try {
            HttpsServer https = HttpsServer.create(loopback(), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.serverContext()));
            return new FakeQuay(https, "https");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Quay", e);
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress("127.0.0.1", 0);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** A client TLS context trusting exactly the fake's self-signed certificate. */
    public static SSLContext clientSslContext() {
        return SelfSignedTls.trustingClientContext();
    }

    public static X509Certificate certificate() {
        return SelfSignedTls.certificate();
    }

    // ---- organizations, users, tokens, robots, repositories

    public void addOrganization(String org) {
        synchronized (state) {
            state.orgs.putIfAbsent(org, new Organization(org));
        }
    }

    /** A user who can sign in; keeps the superuser flag if the user already exists. */
    public void addUser(String username, String password) {
        synchronized (state) {
            FakeQuayState.User old = state.users.get(username);
            state.users.put(username, new FakeQuayState.User(username, password, old != null && old.superuser()));
        }
    }

    public void makeOrgAdmin(String org, String username) {
        synchronized (state) {
            state.requireUser(username);
            state.requireOrg(org).admins.add(username);
        }
    }

    /** A full-access superuser ({@code FEATURE_SUPERUSERS_FULL_ACCESS}); created without password if new. */
    public void makeSuperuser(String username) {
        synchronized (state) {
            FakeQuayState.User old = state.users.get(username);
            state.users.put(username, new FakeQuayState.User(username, old == null ? null : old.password(), true));
        }
    }

    /** A new random OAuth token for {@code username} with those scopes. */
    public String addToken(String username, String... scopes) {
        String token = Sessions.randomToken();
        addToken(token, username, new LinkedHashSet<>(Arrays.asList(scopes)));
        return token;
    }

    public void addToken(String token, String username, Set<String> scopes) {
        synchronized (state) {
            state.requireUser(username);
            state.tokens.put(token, new FakeQuayState.Token(username, Set.copyOf(scopes), false));
        }
    }

    /** The token stays known but is treated like an unknown one (anonymous). */
    public void expireToken(String token) {
        synchronized (state) {
            FakeQuayState.Token t = state.tokens.get(token);
            if (t != null) {
                state.tokens.put(token, new FakeQuayState.Token(t.username(), t.scopes(), true));
            }
        }
    }

    /** Returns the robot's full name {@code org+shortName}. */
    public String addRobot(String org, String shortName) {
        synchronized (state) {
            String fullName = org + "+" + shortName;
            state.requireOrg(org).robots.put(shortName,
                    new Organization.Robot(fullName, "", Sessions.randomToken(), Instant.now()));
            return fullName;
        }
    }

    /** A private repository in state NORMAL: the org is no longer empty. */
    public void addRepository(String org, String name) {
        synchronized (state) {
            state.requireOrg(org).repositories.put(name, new Organization.LocalRepository(name, "NORMAL", false));
        }
    }

    /** Repository name → state ({@code NORMAL}, {@code ORG_MIRROR}) of every repository in the org. */
    public Map<String, String> repositories(String org) {
        synchronized (state) {
            Map<String, String> out = new TreeMap<>();
            state.requireOrg(org).repositories.values().forEach(r -> out.put(r.name, r.state));
            return out;
        }
    }

    // ---- features, SSRF, scripted behaviour

    /** Statement 1: off means every {@code /organization/{org}/mirror*} route is unregistered (404). */
    public void setOrgMirrorFeature(boolean enabled) {
        synchronized (state) {
            state.orgMirrorFeature = enabled;
        }
    }

    public void setRepoMirrorFeature(boolean enabled) {
        synchronized (state) {
            state.repoMirrorFeature = enabled;
        }
    }

    /** {@code SSRF_ALLOWED_HOSTS}: a hostname, an IP, or a CIDR range. */
    public void allowHost(String hostOrCidr) {
        synchronized (state) {
            state.allowedHosts.add(hostOrCidr);
        }
    }

    /** What the fake's DNS answers for {@code host}; hosts in no record fail with "Cannot resolve hostname". */
    public void addDnsRecord(String host, String ipAddress) {
        synchronized (state) {
            state.dns.put(host.toLowerCase(java.util.Locale.ROOT), ipAddress);
        }
    }

    public void scriptVerify(String org, boolean success, String message) {
        synchronized (state) {
            state.requireOrg(org).verifyResult = new Organization.VerifyResult(success, message);
        }
    }

    // ---- mirror state for tests

    /** Forces the config's {@code sync_status}, e.g. SYNCING to test statements 41 and 45. */
    public void setSyncStatus(String org, String syncStatus) {
        synchronized (state) {
            mirrorOf(org).syncStatus = syncStatus;
        }
    }

    /** A discovered repository (retries 3); SUCCESS also creates the local {@code org/name} (ORG_MIRROR). */
    public void addDiscoveredRepository(String org, String name, String status) {
        addDiscoveredRepository(org, name, status, MirrorConfig.MAX_RETRIES);
    }

    public void addDiscoveredRepository(String org, String name, String status, int retriesRemaining) {
        synchronized (state) {
            mirrorOf(org);
            worker.addDiscovered(state.requireOrg(org), name, status, retriesRemaining);
        }
    }

    /** The repository names the source registry lists when the worker runs discovery. */
    public void scriptSourceRepositories(String org, List<String> names) {
        synchronized (state) {
            state.requireOrg(org).sourceRepositories = List.copyOf(names);
        }
    }

    /** Makes the next discoveries fail with this message; null makes them succeed again. */
    public void scriptDiscoveryFailure(String org, String message) {
        synchronized (state) {
            state.requireOrg(org).discoveryFailure = message;
        }
    }

    /** Statement 50: one worker tick for the org's config (eligible, enabled configs only). */
    public void simulateWorker(String org) {
        synchronized (state) {
            worker.tick(state.requireOrg(org));
        }
    }

    /** The config as GET shows it (no password; {@code has_external_registry_password} tells). */
    public Optional<Map<String, Object>> mirrorConfig(String org) {
        synchronized (state) {
            Organization o = state.org(org);
            return o == null || o.mirror == null ? Optional.empty()
                    : Optional.of(o.mirror.toJson(OrgMirrorHandler.statusCounts(o)));
        }
    }

    /** For assertions only: the stored source registry password. */
    public Optional<String> storedPassword(String org) {
        synchronized (state) {
            Organization o = state.org(org);
            return o == null || o.mirror == null ? Optional.empty() : Optional.ofNullable(o.mirror.password);
        }
    }

    private MirrorConfig mirrorOf(String org) {
        MirrorConfig m = state.requireOrg(org).mirror;
        if (m == null) {
            throw new IllegalStateException("fake Quay org " + org + " has no mirror config");
        }
        return m;
    }

    // ---- sessions, calls, faults, lifecycle

    /** Every session becomes invalid: later cookie calls are anonymous and fail CSRF. */
    public void expireSessions() {
        state.sessions.expireAll();
    }

    public List<RecordedCall> calls() {
        return recorder.calls();
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
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeQuay[" + baseUri + "]";
    }
}
