package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.Map;

/**
 * Creates, updates and patches of the custom resource, admitted as the API server does before anything is
 * stored: patches applied here (JSON merge patch per RFC 7386, replacing arrays; JSON patch), resourceVersion
 * preconditions checked on the main resource and on {@code /status} (409), the status subresource's split
 * (a main-resource write keeps the stored status, a {@code /status} write keeps everything else), then the
 * CRD's schema and CEL rules; what passes is stored by the CRUD mock with a plain PUT or POST.
 */
final class CustomResourceAdmission {

    private final CrdModel crd;
    private final Store store;
    private final StructuralSchema schema;
    private volatile java.util.function.Consumer<JsonNode> admitted = object -> { };

    CustomResourceAdmission(CrdModel crd, Store store) {
        this.crd = crd;
        this.store = store;
        this.schema = new StructuralSchema(crd.schema());
    }

    /** {@code stored}: the object as it is now, read by the caller (null when there is none, or for a create). */
    MockResponse handle(RecordedRequest request, ResourcePath target, JsonNode stored) {
        JsonNode body = Store.parse(request.getUtf8Body());
        if ("POST".equals(request.getMethod()) && target.name() == null) {
            if (!body.isObject()) {
                return ApiStatus.failure(400, "BadRequest", "the request body is not a JSON object");
            }
            ObjectNode created = (ObjectNode) body;
            created.remove("status");
            MockResponse refusal = admit(created, null, target);
            if (refusal != null) {
                return refusal;
            }
            admitted.accept(created);
            return store.send(HttpMethod.POST, request.getPath(), created);
        }
        if (stored == null) {
            return ApiStatus.failure(404, "NotFound", crd.qualifiedResource() + " \"" + target.name() + "\" not found");
        }
        JsonNode candidate;
        try {
            candidate = "PUT".equals(request.getMethod()) ? body : patched(stored, body, request.getHeader("Content-Type"));
        } catch (UnsupportedPatch e) {
            return ApiStatus.failure(415, "UnsupportedMediaType", e.getMessage());
        } catch (JsonPatchException | IllegalArgumentException e) {
            return ApiStatus.failure(422, "Invalid", "the server rejected our request due to an error in our request: "
                    + e.getMessage());
        }
        if (!candidate.isObject()) {
            return ApiStatus.failure(400, "BadRequest", "the request body is not a JSON object");
        }
        String storedVersion = stored.at("/metadata/resourceVersion").asText();
        JsonNode requestedVersion = candidate.at("/metadata/resourceVersion");
        if (requestedVersion.isMissingNode() && "PUT".equals(request.getMethod())) {
            return ApiStatus.invalid(crd, target.name(), java.util.List.of(FieldError.invalid(
                    "metadata.resourceVersion", "0x0", "must be specified for an update")));
        }
        if (!requestedVersion.isMissingNode() && !requestedVersion.asText().equals(storedVersion)) {
            return ApiStatus.conflict(crd, target.name());
        }
        ObjectNode effective = "status".equals(target.subresource()) ? withStatusOf(stored, candidate)
                : withStatusOf(candidate, stored);
        effective.withObjectProperty("metadata").put("resourceVersion", storedVersion);
        MockResponse refusal = admit(effective, stored, target);
        if (refusal != null) {
            return refusal;
        }
        admitted.accept(effective);
        return store.send(HttpMethod.PUT, request.getPath().split("\\?")[0], effective);
    }

    /** Called with each object admitted, before it is stored (and before any watcher sees it). */
    void onAdmitted(java.util.function.Consumer<JsonNode> listener) {
        admitted = listener;
    }

    private MockResponse admit(ObjectNode object, JsonNode stored, ResourcePath target) {
        StructuralSchema.Verdict verdict = schema.admit(object, stored);
        String name = target.name() != null ? target.name() : object.at("/metadata/name").asText();
        if (!verdict.unknownFields().isEmpty() && "Strict".equals(target.parameter("fieldValidation"))) {
            return ApiStatus.failure(400, "BadRequest", crd.kind() + " in version \"" + crd.version()
                    + "\" cannot be handled as a " + crd.kind() + ": strict decoding error: unknown field \""
                    + String.join("\", unknown field \"", verdict.unknownFields()) + "\"");
        }
        return verdict.errors().isEmpty() ? null : ApiStatus.invalid(crd, name, verdict.errors());
    }

    /** A copy of {@code base} carrying the status of {@code statusSource} (none if it has none). */
    private static ObjectNode withStatusOf(JsonNode base, JsonNode statusSource) {
        ObjectNode copy = (ObjectNode) base.deepCopy();
        if (statusSource.has("status")) {
            copy.set("status", statusSource.get("status").deepCopy());
        } else {
            copy.remove("status");
        }
        return copy;
    }

    private static JsonNode patched(JsonNode stored, JsonNode patch, String contentType) throws UnsupportedPatch {
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        return switch (type) {
            case "application/merge-patch+json" -> mergePatch(stored.deepCopy(), patch);
            case "application/json-patch+json" -> JsonPatch.apply(patch, stored);
            default -> throw new UnsupportedPatch("the body of the request was in an unknown format - accepted media "
                    + "types include: application/json-patch+json, application/merge-patch+json");
        };
    }

    /** RFC 7386: objects merge, null removes, anything else (arrays included) replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : Store.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static final class UnsupportedPatch extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedPatch(String message) {
            super(message);
        }
    }
}
