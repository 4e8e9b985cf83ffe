package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;

/** Quay's {@code CreateOrgMirrorConfig} and {@code UpdateOrgMirrorConfig} request schemas (§4.1, §5). */
final class MirrorSchemas {

    private static final String NULLABLE_STRING = "{\"type\": [\"string\", \"null\"]}";

    static final JsonNode CREATE = Json.parse("""
            {"type": "object",
             "required": ["external_registry_type", "external_registry_url", "external_namespace",
                          "robot_username", "visibility", "sync_interval", "sync_start_date"],
             "properties": {
               "external_registry_type": {"type": "string", "enum": ["harbor", "quay"]},
               "external_registry_url": {"type": "string"},
               "external_namespace": {"type": "string", "maxLength": 255},
               "robot_username": {"type": "string"},
               "visibility": {"type": "string", "enum": ["public", "private"]},
               "sync_interval": {"type": "integer", "minimum": 60},
               "sync_start_date": {"type": "string"},
               "is_enabled": {"type": "boolean"},
               "external_registry_username": %1$s,
               "external_registry_password": %1$s,
               "external_registry_config": {"type": "object", "properties": {
                   "verify_tls": {"type": "boolean"},
                   "proxy": {"type": "object", "properties": {
                       "https_proxy": %1$s, "http_proxy": %1$s, "no_proxy": %1$s}}}},
               "repository_filters": {"type": "array", "items": {"type": "string"}},
               "skopeo_timeout": {"type": "integer", "minimum": 30, "maximum": 3600}
             }}
            """.formatted(NULLABLE_STRING));

    static final JsonNode UPDATE = Json.parse("""
            {"type": "object",
             "properties": {
               "is_enabled": {"type": "boolean"},
               "external_registry_url": {"type": "string"},
               "external_namespace": {"type": "string", "maxLength": 255},
               "robot_username": {"type": "string"},
               "visibility": {"type": "string", "enum": ["public", "private"]},
               "sync_interval": {"type": "integer", "minimum": 60},
               "sync_start_date": {"type": "string"},
               "external_registry_username": %1$s,
               "external_registry_password": %1$s,
               "external_registry_config": {"type": "object"},
               "repository_filters": {"type": "array", "items": {"type": "string"}},
               "skopeo_timeout": {"type": "integer", "minimum": 30, "maximum": 3600}
             }}
            """.formatted(NULLABLE_STRING));

    private MirrorSchemas() {
    }
}
