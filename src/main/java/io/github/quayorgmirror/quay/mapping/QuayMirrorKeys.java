package io.github.quayorgmirror.quay.mapping;

/** The snake_case keys of Quay's org-mirror JSON (docs/quay-api.md). */
final class QuayMirrorKeys {

    static final String EXTERNAL_REGISTRY_TYPE = "external_registry_type";
    static final String EXTERNAL_REGISTRY_URL = "external_registry_url";
    static final String EXTERNAL_NAMESPACE = "external_namespace";
    static final String ROBOT_USERNAME = "robot_username";
    static final String VISIBILITY = "visibility";
    static final String SYNC_INTERVAL = "sync_interval";
    static final String SYNC_START_DATE = "sync_start_date";
    static final String IS_ENABLED = "is_enabled";
    static final String EXTERNAL_REGISTRY_USERNAME = "external_registry_username";
    static final String EXTERNAL_REGISTRY_PASSWORD = "external_registry_password";
    static final String EXTERNAL_REGISTRY_CONFIG = "external_registry_config";
    static final String REPOSITORY_FILTERS = "repository_filters";
    static final String SKOPEO_TIMEOUT = "skopeo_timeout";

    static final String VERIFY_TLS = "verify_tls";
    static final String PROXY = "proxy";
    static final String HTTP_PROXY = "http_proxy";
    static final String HTTPS_PROXY = "https_proxy";
    static final String NO_PROXY = "no_proxy";

    private QuayMirrorKeys() {
    }
}
