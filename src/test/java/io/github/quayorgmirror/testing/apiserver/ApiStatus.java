package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.stream.Collectors;

/** Refusals as the API server sends them: a {@code Status} object that kubectl and fabric8 turn into messages. */
final class ApiStatus {

    private ApiStatus() {
    }

    static MockResponse failure(int code, String reason, String message) {
        return Store.json(code, status(code, reason, message));
    }

    /** 422 naming each field, worded as {@code OrganizationMirror.quay.herve4m.github.io "x" is invalid: ...}. */
    static MockResponse invalid(CrdModel crd, String name, List<FieldError> errors) {
        String joined = errors.stream().map(FieldError::message).collect(Collectors.joining(", "));
        ObjectNode status = status(422, "Invalid", crd.kind() + "." + crd.group() + " \"" + name + "\" is invalid: "
                + (errors.size() == 1 ? joined : "[" + joined + "]"));
        ObjectNode details = status.putObject("details").put("name", name).put("group", crd.group())
                .put("kind", crd.kind());
        errors.forEach(error -> details.withArray("causes").addObject().put("reason", error.reason())
                .put("message", error.message().substring(error.field().length() + 2)).put("field", error.field()));
        return Store.json(422, status);
    }

    static MockResponse conflict(CrdModel crd, String name) {
        return failure(409, "Conflict", "Operation cannot be fulfilled on " + crd.qualifiedResource() + " \"" + name
                + "\": the object has been modified; please apply your changes to the latest version and try again");
    }

    static ObjectNode status(int code, String reason, String message) {
        ObjectNode status = Store.JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        return status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
    }
}
