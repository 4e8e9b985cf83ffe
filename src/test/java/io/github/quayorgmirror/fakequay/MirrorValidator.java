package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The handler-level checks of create and update, in Quay's order (§4.2 steps 4–8, §5), run after the
 * schema and permission checks. Every check finishes before anything is written.
 */
final class MirrorValidator {

    static final String BAD_DATE = "Invalid sync_start_date format. Use ISO 8601: YYYY-MM-DDTHH:MM:SSZ";

    private final FakeQuayState state;
    private final QuayErrors errors;

    MirrorValidator(FakeQuayState state, QuayErrors errors) {
        this.state = state;
        this.errors = errors;
    }

    /** Steps 4–8 of §4.2; returns the config to store. The model-layer checks are the caller's. */
    MirrorConfig validateCreate(Organization org, JsonNode body) {
        checkRobot(org, body.get("robot_username").textValue());
        Instant start = parseDate(body.get("sync_start_date"));
        checkUrl(body.get("external_registry_url").textValue());
        MirrorConfig c = new MirrorConfig();
        c.registryType = body.get("external_registry_type").textValue();
        c.registryUrl = body.get("external_registry_url").textValue();
        c.externalNamespace = body.get("external_namespace").textValue();
        c.robotUsername = body.get("robot_username").textValue();
        c.visibility = body.get("visibility").textValue();
        c.syncInterval = body.get("sync_interval").longValue();
        c.syncStartDate = start;
        c.isEnabled = !body.has("is_enabled") || body.get("is_enabled").booleanValue();
        c.username = blankToNull(body.get("external_registry_username"));
        c.password = blankToNull(body.get("external_registry_password"));
        c.registryConfig = body.has("external_registry_config") ? body.get("external_registry_config").deepCopy() : null;
        c.repositoryFilters = body.has("repository_filters") ? strings(body.get("repository_filters")) : new ArrayList<>();
        c.skopeoTimeout = body.has("skopeo_timeout") ? body.get("skopeo_timeout").intValue() : 300;
        c.creationDate = QuayTime.now();
        return c;
    }

    /** §5: per-field checks on a copy, in Quay's order; the caller swaps the copy in. */
    MirrorConfig validateUpdate(Organization org, MirrorConfig current, JsonNode body) {
        MirrorConfig c = current.copy();
        if (present(body, "external_registry_url")) {
            checkUrl(body.get("external_registry_url").textValue());
            c.registryUrl = body.get("external_registry_url").textValue();
        }
        if (present(body, "robot_username")) {
            checkRobot(org, body.get("robot_username").textValue());
            c.robotUsername = body.get("robot_username").textValue();
        }
        if (present(body, "visibility")) {
            c.visibility = body.get("visibility").textValue();
        }
        if (present(body, "sync_interval")) {
            if (body.get("sync_interval").longValue() < 60) {
                throw errors.invalidRequest("sync_interval must be at least 60 seconds");
            }
            c.syncInterval = body.get("sync_interval").longValue();
        }
        if (body.has("sync_start_date")) {
            c.syncStartDate = parseDate(body.get("sync_start_date"));
        }
        if (present(body, "skopeo_timeout")) {
            int timeout = body.get("skopeo_timeout").intValue();
            if (timeout < 30 || timeout > 3600) {
                throw errors.invalidRequest("skopeo_timeout must be between 30 and 3600 seconds");
            }
            c.skopeoTimeout = timeout;
        }
        applySimpleFields(c, body);
        return c;
    }

    private void applySimpleFields(MirrorConfig c, JsonNode body) {
        if (present(body, "is_enabled")) {
            c.isEnabled = body.get("is_enabled").booleanValue();
        }
        if (present(body, "external_namespace")) {
            c.externalNamespace = body.get("external_namespace").textValue();
        }
        if (body.has("external_registry_username")) {
            c.username = blankToNull(body.get("external_registry_username"));
        }
        if (body.has("external_registry_password")) {
            c.password = blankToNull(body.get("external_registry_password"));
        }
        if (present(body, "external_registry_config")) {
            c.registryConfig = body.get("external_registry_config").deepCopy();
        }
        if (present(body, "repository_filters")) {
            c.repositoryFilters = strings(body.get("repository_filters"));
        }
    }

    private void checkRobot(Organization org, String robotName) {
        if (state.findRobot(robotName) == null) {
            throw errors.invalidRequest("Invalid robot account: " + robotName);
        }
        if (!robotName.substring(0, robotName.indexOf('+')).equals(org.name)) {
            throw errors.invalidRequest("Robot account must belong to the organization");
        }
    }

    private Instant parseDate(JsonNode value) {
        Instant parsed = value == null ? null : QuayTime.parseInput(value.textValue());
        if (parsed == null) {
            throw errors.invalidRequest(BAD_DATE);
        }
        return parsed;
    }

    private void checkUrl(String url) {
        String problem = SsrfCheck.check(url, state.allowedHosts, state.dns);
        if (problem != null) {
            throw errors.invalidRequest(problem);
        }
    }

    private static boolean present(JsonNode body, String field) {
        return body.has(field) && !body.get(field).isNull();
    }

    private static String blankToNull(JsonNode value) {
        return value == null || value.isNull() || value.textValue().isEmpty() ? null : value.textValue();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.textValue()));
        return out;
    }
}
