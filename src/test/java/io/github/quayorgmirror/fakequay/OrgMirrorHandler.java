package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code GET/POST/PUT/DELETE /api/v1/organization/{org}/mirror} (§4–§7). */
final class OrgMirrorHandler {

    static final String NOT_EMPTY = "Cannot create organization mirror: the organization already contains "
            + "repositories. Organization mirroring requires an empty organization.";
    static final String ALREADY_EXISTS = "Mirror configuration already exists for this organization";

    private final Permissions permissions;
    private final MirrorValidator validator;
    private final QuayErrors errors;

    OrgMirrorHandler(Permissions permissions, MirrorValidator validator, QuayErrors errors) {
        this.permissions = permissions;
        this.validator = validator;
        this.errors = errors;
    }

    Response get(ApiRequest req) {
        Organization org = permissions.requireMirror(req.caller, req.param(0));
        return Response.json(200, org.mirror.toJson(statusCounts(org)));
    }

    Response create(ApiRequest req) {
        JsonNode body = JsonBodies.validated(req, MirrorSchemas.CREATE, errors);
        Organization org = permissions.requireOrgAdmin(req.caller, req.param(0));
        MirrorConfig config = validator.validateCreate(org, body);
        if (org.hasRepositories()) {
            throw errors.invalidRequest(NOT_EMPTY);
        }
        if (org.mirror != null) {
            throw errors.invalidRequest(ALREADY_EXISTS);
        }
        org.mirror = config;
        return Response.json(201, "");
    }

    Response update(ApiRequest req) {
        JsonNode body = JsonBodies.validated(req, MirrorSchemas.UPDATE, errors);
        Organization org = permissions.requireMirror(req.caller, req.param(0));
        org.mirror = validator.validateUpdate(org, org.mirror, body);
        return Response.json(200, "");
    }

    /** Created repositories are kept and handed back to normal use; the org is no longer empty. */
    Response delete(ApiRequest req) {
        Organization org = permissions.requireMirror(req.caller, req.param(0));
        org.repositories.values().stream().filter(r -> "ORG_MIRROR".equals(r.state)).forEach(r -> r.state = "NORMAL");
        org.discovered.clear();
        org.mirror = null;
        return Response.empty(204);
    }

    static Map<String, Integer> statusCounts(Organization org) {
        Map<String, Integer> counts = MirrorConfig.zeroCounts();
        org.discovered.values().forEach(r -> counts.merge(r.status, 1, Integer::sum));
        return counts;
    }
}
