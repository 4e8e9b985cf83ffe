package io.github.quayorgmirror.fakequay;

import java.util.LinkedHashMap;
import java.util.Map;

/** A create body Quay accepts for organization {@code org} with its robot {@code org+syncrobot}: the tests' usual fixture. */
public final class ValidCreateBody {

    private ValidCreateBody() {
    }

    /** A new, changeable map. */
    public static Map<String, Object> startingAt(String syncStartDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("external_registry_type", "quay");
        body.put("external_registry_url", "https://quay.io");
        body.put("external_namespace", "upstream");
        body.put("robot_username", "org+syncrobot");
        body.put("visibility", "private");
        body.put("sync_interval", 3600);
        body.put("sync_start_date", syncStartDate);
        return body;
    }
}
