package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.FieldProblem.quoted;

import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Validates an OrganizationMirror spec and turns it into the configuration Quay should hold. Every invalid
 * field is reported at once; rules and defaults are explained in {@code docs/mapping.md}.
 */
public final class SpecToQuayConfig {

    static final long DEFAULT_SYNC_INTERVAL_SECONDS = 86400;
    static final long DEFAULT_SKOPEO_TIMEOUT_SECONDS = 300;
    static final String DEFAULT_VISIBILITY = "public";
    static final int MAX_NAMESPACE_LENGTH = 255;

    private SpecToQuayConfig() {
    }

    public static DesiredMirrorConfig toDesired(OrganizationMirrorSpec spec) throws SpecValidationException {
        SpecProblems problems = new SpecProblems();
        String organization = organization(spec.organization(), problems);
        String type = oneOf("spec.externalRegistryType", spec.externalRegistryType(), List.of("quay", "harbor"), problems);
        String url = RegistryUrlRule.check(spec.externalRegistryUrl(), problems);
        String namespace = externalNamespace(spec.externalNamespace(), problems);
        String robot = robotUsername(spec.robotUsername(), organization, problems);
        String visibility = spec.visibility() == null ? DEFAULT_VISIBILITY
                : oneOf("spec.visibility", spec.visibility(), List.of("public", "private"), problems);
        Long syncInterval = seconds(DurationRule.SYNC_INTERVAL, "spec.syncInterval", spec.syncInterval(),
                DEFAULT_SYNC_INTERVAL_SECONDS, problems);
        Long skopeoTimeout = seconds(DurationRule.SKOPEO_TIMEOUT, "spec.skopeoTimeout", spec.skopeoTimeout(),
                DEFAULT_SKOPEO_TIMEOUT_SECONDS, problems);
        String startDate = spec.syncStartDate() == null ? null
                : QuayTimestamps.normalise("spec.syncStartDate", spec.syncStartDate(), problems);
        String username = blankToNull(spec.externalRegistryUsername());
        String password = blankToNull(spec.externalRegistryPassword());
        // credentials from externalRegistrySecretRef replace both inline fields: only their Secret is checked then
        if (password != null && username == null && !spec.registrySecretReferenced()) {
            problems.add("spec.externalRegistryPassword", "is set without spec.externalRegistryUsername",
                    "Quay uses the password only together with a user name; set both, or neither for anonymous access");
        }
        List<String> filters = repositoryFilters(spec.repositoryFilters(), problems);
        Map<String, Object> registryConfig = registryConfig(spec, problems);
        problems.throwIfAny();

        return new DesiredMirrorConfig(organization, type, url, namespace, robot, visibility, syncInterval, startDate,
                !Boolean.FALSE.equals(spec.isEnabled()), username, password, registryConfig, filters,
                skopeoTimeout.intValue(), null);
    }

    /** Always the complete object: Quay stores it verbatim and replaces it wholesale (§13.4). */
    static Map<String, Object> registryConfig(OrganizationMirrorSpec spec, SpecProblems problems) {
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put(QuayMirrorKeys.HTTP_PROXY, ProxyRule.proxyUrl("spec.httpProxy", spec.httpProxy(), problems));
        proxy.put(QuayMirrorKeys.HTTPS_PROXY, ProxyRule.proxyUrl("spec.httpsProxy", spec.httpsProxy(), problems));
        proxy.put(QuayMirrorKeys.NO_PROXY, ProxyRule.noProxy(spec.noProxy(), problems));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(QuayMirrorKeys.VERIFY_TLS, !Boolean.FALSE.equals(spec.verifyTls()));
        config.put(QuayMirrorKeys.PROXY, proxy);
        return config;
    }

    private static Long seconds(DurationRule rule, String field, String value, long whenAbsent,
                                SpecProblems problems) {
        return value == null ? Long.valueOf(whenAbsent) : rule.seconds(field, value, problems);
    }

    private static String organization(String value, SpecProblems problems) {
        if (value == null || value.isBlank()) {
            problems.add("spec.organization", value == null ? "is not set" : "is blank",
                    "name the Quay organization that receives the mirror");
            return null;
        }
        return value;
    }

    private static String oneOf(String field, String value, List<String> allowed, SpecProblems problems) {
        if (value != null && !allowed.contains(value)) {
            problems.add(field, quoted(value) + " is not an accepted value",
                    "Quay accepts exactly " + String.join(" or ", allowed.stream().map(FieldProblem::quoted).toList())
                            + ", in lower case");
            return null;
        }
        return value;
    }

    private static String externalNamespace(String value, SpecProblems problems) {
        String rule = "name the Quay organization or Harbor project in the source registry, 1 to "
                + MAX_NAMESPACE_LENGTH + " characters (Quay's limit)";
        if (value != null && value.isBlank()) {
            problems.add("spec.externalNamespace", "is blank", rule);
            return null;
        }
        if (value != null && value.length() > MAX_NAMESPACE_LENGTH) {
            problems.add("spec.externalNamespace", "is " + value.length() + " characters long", rule);
            return null;
        }
        return value;
    }

    private static String robotUsername(String value, String organization, SpecProblems problems) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split("\\+", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            problems.add("spec.robotUsername", quoted(value) + " is not a full robot account name",
                    "use \"<organization>+<robot>\", for example \"" + (organization == null ? "myorg" : organization)
                            + "+syncrobot\"");
            return null;
        }
        if (organization != null && !parts[0].equals(organization)) {
            problems.add("spec.robotUsername", quoted(value) + " belongs to organization " + quoted(parts[0]),
                    "Quay requires the robot account to belong to spec.organization " + quoted(organization)
                            + " (\"Robot account must belong to the organization\")");
            return null;
        }
        return value;
    }

    private static List<String> repositoryFilters(List<String> filters, SpecProblems problems) {
        if (filters == null) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < filters.size(); i++) {
            String filter = filters.get(i);
            if (filter == null || filter.isBlank()) {
                problems.add("spec.repositoryFilters[" + i + "]", filter == null ? "is null" : "is blank",
                        "each entry is a glob pattern for source repository names, such as \"quay\" or \"clair*\";"
                                + " an empty list mirrors every repository");
            } else {
                distinct.add(filter);
            }
        }
        return new ArrayList<>(distinct);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
