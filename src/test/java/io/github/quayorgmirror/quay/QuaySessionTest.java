package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuaySessionTest {

    @Test
    void reissuedCookieReplacesTheOldOneAndOthersStay() {
        QuaySession pending = new QuaySession(Map.of(), null)
                .withCookiesFrom("_csrf_token=first; HttpOnly; Path=/; SameSite=Lax", "T1");
        QuaySession signedIn = pending.withCookiesFrom(List.of("_csrf_token=second; HttpOnly; Path=/", "other=1"), "T2");
        assertThat(pending.cookieHeader()).isEqualTo("_csrf_token=first");
        assertThat(signedIn.cookieHeader()).isEqualTo("_csrf_token=second; other=1");
        assertThat(signedIn.csrfToken()).isEqualTo("T2");
    }

    @Test
    void noSetCookieKeepsTheCookies() {
        QuaySession session = new QuaySession(Map.of("_csrf_token", "abc"), "T1").withCookiesFrom(null, "T2");
        assertThat(session.cookieHeader()).isEqualTo("_csrf_token=abc");
    }

    @Test
    void toStringHidesCookieValuesAndToken() {
        QuaySession session = new QuaySession(Map.of("_csrf_token", "cookie-value"), "csrf-value");
        assertThat(session.toString()).doesNotContain("cookie-value", "csrf-value").contains("_csrf_token");
    }

    @Test
    void retryAfterInSecondsOrAsHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);
        assertThat(QuayRetryAfter.parse("7", clock)).isEqualTo(Duration.ofSeconds(7));
        assertThat(QuayRetryAfter.parse("Fri, 27 Nov 2026 08:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
        assertThat(QuayRetryAfter.parse("Fri, 27 Nov 2026 07:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
        assertThat(QuayRetryAfter.parse("soon", clock)).isNull();
        assertThat(QuayRetryAfter.parse(null, clock)).isNull();
        assertThat(QuayRetryAfter.redeliveryDelayMillis(Duration.ofSeconds(120), 30000)).isEqualTo(30000);
        assertThat(QuayRetryAfter.redeliveryDelayMillis(Duration.ofSeconds(2), 30000)).isEqualTo(2000);
    }

    @Test
    void errorTextReadsEveryQuayErrorShape() {
        assertThat(QuayErrorText.of("{\"error_message\": \"line one\\nline two\", \"message\": \"m\"}")).isEqualTo("line one");
        assertThat(QuayErrorText.of("{\"message\": \"Could not find robot\"}")).isEqualTo("Could not find robot");
        assertThat(QuayErrorText.of("{\"error\": \"CSRF token was invalid or missing.\"}"))
                .isEqualTo("CSRF token was invalid or missing.");
        assertThat(QuayErrorText.of("<html>bad gateway</html>")).isNull();
        assertThat(QuayErrorText.of("")).isNull();
        assertThat(QuayErrorText.isCsrfError("{\"error\": \"CSRF token was invalid or missing. (authorized: x)\"}")).isTrue();
        assertThat(QuayErrorText.isCsrfError("{\"error_message\": \"Unauthorized\"}")).isFalse();
    }
}
