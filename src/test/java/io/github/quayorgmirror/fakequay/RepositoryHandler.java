package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/repository} and {@code POST /api/v1/repository} (§12). */
final class RepositoryHandler {

    static final int PAGE_SIZE = 100;
    static final String MANAGED_BY_MIRROR =
            "Cannot create repository: organization is managed by organization-level mirroring";
    private static final JsonNode NEW_REPO_SCHEMA = Json.parse("""
            {"type": "object", "required": ["repository", "visibility", "description"],
             "properties": {"namespace": {"type": "string"}, "repository": {"type": "string"},
                            "visibility": {"type": "string", "enum": ["public", "private"]},
                            "description": {"type": "string"},
                            "repo_kind": {"type": ["string", "null"], "enum": ["image", "application", null]}}}
            """);

    private final FakeQuayState state;
    private final Permissions permissions;
    private final QuayErrors errors;

    RepositoryHandler(FakeQuayState state, Permissions permissions, QuayErrors errors) {
        this.state = state;
        this.permissions = permissions;
        this.errors = errors;
    }

    Response list(ApiRequest req) {
        String namespace = req.query.get("namespace");
        boolean publicOnly = "true".equalsIgnoreCase(req.query.get("public"));
        boolean starred = "true".equalsIgnoreCase(req.query.get("starred"));
        if (namespace == null && !publicOnly && !starred) {
            throw errors.invalidRequest("namespace, starred or public are required for this API call");
        }
        List<Map<String, Object>> visible = new ArrayList<>();
        for (Organization org : state.orgs.values()) {
            if (starred || (namespace != null && !namespace.equals(org.name))) {
                continue;
            }
            boolean canRead = permissions.isOrgMember(req.caller, org.name) || permissions.isFullAccessSuperuser(req.caller);
            org.repositories.values().stream()
                    .filter(r -> !"MARKED_FOR_DELETION".equals(r.state))
                    .filter(r -> r.isPublic || (canRead && !publicOnly))
                    .forEach(r -> visible.add(item(org, r)));
        }
        int offset = decodePageToken(req.query.get("next_page"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repositories", visible.subList(Math.min(offset, visible.size()),
                Math.min(offset + PAGE_SIZE, visible.size())));
        if (offset + PAGE_SIZE < visible.size()) {
            body.put("next_page", encodePageToken(offset + PAGE_SIZE));
        }
        return Response.json(200, body);
    }

    Response create(ApiRequest req) {
        JsonNode body = JsonBodies.validated(req, NEW_REPO_SCHEMA, errors);
        String namespace = body.has("namespace") ? body.get("namespace").textValue() : req.caller.username();
        String name = body.get("repository").textValue();
        if (!permissions.canCreateRepository(req.caller, namespace)) {
            throw permissions.denied(req.caller);
        }
        Organization org = state.org(namespace);
        if (org == null) {
            throw errors.notFound();
        }
        if (org.mirror != null) {
            throw errors.invalidRequest(MANAGED_BY_MIRROR);
        }
        if (org.repositories.containsKey(name)) {
            throw errors.invalidRequest("Repository already exists");
        }
        Organization.LocalRepository repo =
                new Organization.LocalRepository(name, "NORMAL", "public".equals(body.get("visibility").textValue()));
        repo.description = body.get("description").textValue();
        org.repositories.put(name, repo);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("namespace", namespace);
        created.put("name", name);
        created.put("kind", "image");
        return Response.json(201, created);
    }

    private static Map<String, Object> item(Organization org, Organization.LocalRepository r) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("namespace", org.name);
        item.put("name", r.name);
        item.put("description", r.description);
        item.put("is_public", r.isPublic);
        item.put("kind", "image");
        item.put("state", r.state);
        item.put("is_starred", false);
        return item;
    }

    private int decodePageToken(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw errors.invalidRequest("Invalid next page token");
        }
    }

    private static String encodePageToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.UTF_8));
    }
}
