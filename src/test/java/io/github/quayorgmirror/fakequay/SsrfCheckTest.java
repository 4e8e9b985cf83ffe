package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SSRF check on its own: Quay's messages and blocked ranges, the allowlist and the fake DNS table. */
class SsrfCheckTest {

    private static final Map<String, String> DNS = Map.of("quay.io", "3.220.37.54", "inside.example.com", "172.20.1.1");

    private static String check(String url, String... allowed) {
        return SsrfCheck.check(url, Set.of(allowed), DNS);
    }

    @Test
    void publicHostsPass() {
        assertThat(check("https://quay.io")).isNull();
        assertThat(check("HTTPS://quay.io:443/v2/")).isNull();
        assertThat(check("http://8.8.8.8")).isNull();
    }

    @Test
    void malformedUrlsGetQuaysMessages() {
        assertThat(check("")).isEqualTo("External registry URL is required");
        assertThat(check("quay.io")).isEqualTo("Invalid URL scheme '': only HTTP and HTTPS are allowed");
        assertThat(check("docker://quay.io")).isEqualTo("Invalid URL scheme 'docker': only HTTP and HTTPS are allowed");
        assertThat(check("https://user:pw@quay.io")).isEqualTo("URLs with embedded credentials are not allowed");
        assertThat(check("https:///path")).isEqualTo("URL must include a hostname");
        assertThat(check("https://nowhere.example.org")).isEqualTo("Cannot resolve hostname 'nowhere.example.org'");
    }

    @Test
    void blockedNamesAndRangesAreNotAllowed() {
        for (String url : new String[] {"http://localhost", "http://LOCALHOST:5000", "http://a.b.local",
            "http://x.internal", "http://metadata", "http://kubernetes.default.svc", "http://100.64.0.1",
            "http://172.16.5.4", "http://224.0.0.1", "http://192.0.2.10", "http://[fd00::1]", "http://[fe80::1]",
            "http://[::ffff:127.0.0.1]", "http://0.0.0.0", "https://inside.example.com"}) {
            assertThat(check(url)).as(url).isEqualTo(SsrfCheck.NOT_ALLOWED);
        }
    }

    @Test
    void allowlistTakesHostnamesIpsAndCidrs() {
        assertThat(check("http://registry.svc.cluster.local", "registry.svc.cluster.local")).isNull();
        assertThat(check("http://127.0.0.1:5000", "127.0.0.1")).isNull();
        assertThat(check("http://10.1.2.3", "10.0.0.0/8")).isNull();
        assertThat(check("https://inside.example.com", "172.16.0.0/12")).isNull();
        assertThat(check("http://10.1.2.3", "192.168.0.0/16")).isEqualTo(SsrfCheck.NOT_ALLOWED);
    }
}
