package io.github.quayorgmirror.quay;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Quay says it can do in {@code GET /config} (docs/quay-api.md): its features, without the
 * {@code FEATURE_} prefix, and its version, empty when {@code FEATURE_BILLING} is on.
 *
 * @param orgMirror    {@code FEATURE_ORG_MIRROR}: null when the Quay does not know the feature (older than 3.17)
 *                     or did not say
 * @param repoMirror   {@code FEATURE_REPO_MIRROR}, which runs the worker that syncs org mirrors too; null when unknown
 * @param version      e.g. {@code 3.16.3}; null when not given
 * @param known        false when {@code /config} could not be read: nothing is known, nothing is refused
 */
public record QuayCapabilities(Boolean orgMirror, Boolean repoMirror, String version, boolean known) {

    public static final QuayCapabilities UNKNOWN = new QuayCapabilities(null, null, null, false);

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?");

    public static QuayCapabilities of(Map<?, ?> config) {
        if (config == null) {
            return UNKNOWN;
        }
        Map<?, ?> features = config.get("features") instanceof Map<?, ?> map ? map : Map.of();
        Matcher version = config.get("version_number") instanceof String text ? VERSION.matcher(text) : null;
        return new QuayCapabilities(flag(features.get("ORG_MIRROR")), flag(features.get("REPO_MIRROR")),
                version != null && version.find() ? version.group() : null, true);
    }

    /** True when the version is known and older than 3.17, the first with the org-mirror API. */
    public boolean olderThanOrgMirrorApi() {
        return Optional.ofNullable(version).map(VERSION::matcher).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2)) < 3017).orElse(false);
    }

    private static Boolean flag(Object value) {
        return value instanceof Boolean bool ? bool : null;
    }
}
