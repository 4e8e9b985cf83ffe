package io.github.quayorgmirror.fakequay;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/organization/{org}} and {@code GET /api/v1/organization/{org}/robots/{short}} (§12). */
final class OrganizationHandler {

    static final String NO_ROBOT = "Could not find robot with specified username";

    private final FakeQuayState state;
    private final Permissions permissions;
    private final QuayErrors errors;

    OrganizationHandler(FakeQuayState state, Permissions permissions, QuayErrors errors) {
        this.state = state;
        this.permissions = permissions;
        this.errors = errors;
    }

    /** No scope is declared and anonymous access is on: anyone may look. */
    Response organization(ApiRequest req) {
        Organization org = state.org(req.param(0));
        if (org == null) {
            throw errors.notFound();
        }
        boolean admin = permissions.isOrgAdmin(req.caller, org.name);
        boolean member = permissions.isOrgMember(req.caller, org.name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", org.name);
        body.put("email", admin ? org.name + "@example.com" : "");
        body.put("avatar", Map.of("name", org.name, "hash", Integer.toHexString(org.name.hashCode()), "kind", "org"));
        body.put("is_admin", admin);
        body.put("is_member", member);
        if (member) {
            body.put("teams", Map.of("owners", Map.of("name", "owners", "role", "admin")));
            body.put("ordered_teams", List.of("owners"));
        }
        if (admin) {
            body.put("invoice_email", false);
            body.put("invoice_email_address", null);
            body.put("tag_expiration_s", 1209600);
            body.put("is_free_account", true);
        }
        return Response.json(200, body);
    }

    /** A missing robot escapes as a DataModelException: 400 {@code {"message": ...}}. */
    Response robot(ApiRequest req) {
        permissions.checkOrgAdmin(req.caller, req.param(0));
        Organization.Robot robot = state.findRobot(req.param(0) + "+" + req.param(1));
        if (robot == null) {
            throw errors.dataModel(NO_ROBOT);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", robot.fullName());
        body.put("created", DateTimeFormatter.RFC_1123_DATE_TIME.format(robot.created().atOffset(ZoneOffset.UTC)));
        body.put("last_accessed", null);
        body.put("description", robot.description());
        body.put("unstructured_metadata", Map.of());
        body.put("token", robot.token());
        return Response.json(200, body);
    }
}
