package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One refused field, worded as Kubernetes' field errors are ({@code k8s.io/apimachinery/pkg/util/validation/field}),
 * so kubectl users read {@code spec.visibility: Unsupported value: "secret": supported values: "public", "private"}.
 */
public record FieldError(String reason, String field, String message) {

    public static FieldError required(String field) {
        return new FieldError("FieldValueRequired", field, field + ": Required value");
    }

    public static FieldError notSupported(String field, JsonNode value, JsonNode supported) {
        StringBuilder values = new StringBuilder();
        supported.forEach(item -> values.append(values.length() == 0 ? "" : ", ").append(item));
        return new FieldError("FieldValueNotSupported", field,
                field + ": Unsupported value: " + value + ": supported values: " + values);
    }

    public static FieldError invalid(String field, Object shownValue, String detail) {
        String shown = shownValue instanceof JsonNode json ? json.toString() : "\"" + shownValue + "\"";
        return new FieldError("FieldValueInvalid", field, field + ": Invalid value: " + shown + ": " + detail);
    }

    public static FieldError tooLong(String field, int max) {
        return new FieldError("FieldValueTooLong", field, field + ": Too long: may not be more than " + max + " bytes");
    }
}
