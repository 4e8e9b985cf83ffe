package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy discovery documents ({@code /api}, {@code /apis}, one resource list per group/version) and an
 * OpenAPI v3 index that tells kubectl each kind accepts {@code fieldValidation} on PATCH, so that
 * {@code kubectl apply} validates on the server instead of downloading schemas ({@code /openapi/v2} is 404,
 * as on a server that has turned it off). Aggregated discovery is not offered: kubectl falls back to these.
 */
final class Discovery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");

    private record Kind(String name, String singular, String kind, boolean namespaced, List<String> shortNames,
            List<String> categories, boolean statusSubresource) {
    }

    /** The group/versions the mock stores that the controller and kubectl use, and the CRD's. */
    private final Map<String, List<Kind>> groupVersions = new LinkedHashMap<>();
    private final String serverAddress;

    Discovery(CrdModel crd, String serverAddress) {
        this.serverAddress = serverAddress;
        groupVersions.put("v1", List.of(
                new Kind("namespaces", "namespace", "Namespace", false, List.of("ns"), List.of(), true),
                new Kind("secrets", "secret", "Secret", true, List.of(), List.of(), false),
                new Kind("configmaps", "configmap", "ConfigMap", true, List.of("cm"), List.of(), false),
                new Kind("events", "event", "Event", true, List.of("ev"), List.of(), false),
                new Kind("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), List.of(), false),
                new Kind("pods", "pod", "Pod", true, List.of("po"), List.of("all"), true)));
        groupVersions.put("events.k8s.io/v1", List.of(
                new Kind("events", "event", "Event", true, List.of("ev"), List.of(), false)));
        groupVersions.put("coordination.k8s.io/v1", List.of(
                new Kind("leases", "lease", "Lease", true, List.of(), List.of(), false)));
        groupVersions.put("apiextensions.k8s.io/v1", List.of(
                new Kind("customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false,
                        List.of("crd", "crds"), List.of(), true)));
        groupVersions.put(crd.groupVersion(), List.of(new Kind(crd.plural(), crd.singular(), crd.kind(),
                crd.namespaced(), crd.shortNames(), crd.categories(), true)));
    }

    /** The answer to a GET on {@code path}, or null when the path is not a discovery or OpenAPI document. */
    JsonNode answer(String path) {
        if (path.equals("/version")) {
            return JSON.createObjectNode().put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0")
                    .put("platform", "linux/amd64");
        }
        if (path.equals("/api")) {
            ObjectNode versions = JSON.createObjectNode().put("kind", "APIVersions");
            versions.putArray("versions").add("v1");
            versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                    .put("serverAddress", serverAddress);
            return versions;
        }
        if (path.equals("/apis")) {
            return groups();
        }
        if (path.equals("/openapi/v3")) {
            return openApiIndex();
        }
        String groupVersion = path.startsWith("/openapi/v3/") ? gvOf(path.substring("/openapi/v3/".length()))
                : gvOf(path.substring(1));
        if (groupVersion == null || !groupVersions.containsKey(groupVersion)) {
            return null;
        }
        return path.startsWith("/openapi/v3/") ? openApi(groupVersion) : resourceList(groupVersion);
    }

    /** {@code api/v1} → {@code v1}, {@code apis/g/v} → {@code g/v}, anything else → null. */
    private static String gvOf(String relative) {
        String[] parts = relative.split("/");
        if (parts.length == 2 && parts[0].equals("api")) {
            return parts[1];
        }
        return parts.length == 3 && parts[0].equals("apis") ? parts[1] + "/" + parts[2] : null;
    }

    private static String urlPrefix(String groupVersion) {
        return groupVersion.contains("/") ? "apis/" + groupVersion : "api/" + groupVersion;
    }

    private JsonNode groups() {
        ObjectNode list = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        groupVersions.keySet().stream().filter(gv -> gv.contains("/")).forEach(gv -> {
            String[] parts = gv.split("/");
            ObjectNode group = groups.addObject().put("name", parts[0]);
            ObjectNode version = JSON.createObjectNode().put("groupVersion", gv).put("version", parts[1]);
            group.putArray("versions").add(version);
            group.set("preferredVersion", version);
        });
        return list;
    }

    private JsonNode resourceList(String groupVersion) {
        ObjectNode list = JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", groupVersion);
        ArrayNode resources = list.putArray("resources");
        for (Kind kind : groupVersions.get(groupVersion)) {
            ObjectNode resource = resources.addObject().put("name", kind.name()).put("singularName", kind.singular())
                    .put("namespaced", kind.namespaced()).put("kind", kind.kind());
            VERBS.forEach(resource.putArray("verbs")::add);
            kind.shortNames().forEach(resource.putArray("shortNames")::add);
            kind.categories().forEach(resource.putArray("categories")::add);
            if (kind.statusSubresource()) {
                ObjectNode status = resources.addObject().put("name", kind.name() + "/status").put("singularName", "")
                        .put("namespaced", kind.namespaced()).put("kind", kind.kind());
                List.of("get", "patch", "update").forEach(status.putArray("verbs")::add);
            }
        }
        return list;
    }

    private JsonNode openApiIndex() {
        ObjectNode index = JSON.createObjectNode();
        ObjectNode paths = index.putObject("paths");
        groupVersions.keySet().forEach(gv -> paths.putObject(urlPrefix(gv))
                .put("serverRelativeURL", "/openapi/v3/" + urlPrefix(gv) + "?hash=" + Integer.toHexString(gv.hashCode())));
        return index;
    }

    /** Only what kubectl reads: each kind's PATCH operation, with its GVK and the fieldValidation parameter. */
    private JsonNode openApi(String groupVersion) {
        ObjectNode document = JSON.createObjectNode().put("openapi", "3.0.0");
        document.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
        ObjectNode paths = document.putObject("paths");
        String[] gv = groupVersion.contains("/") ? groupVersion.split("/") : new String[] {"", groupVersion};
        for (Kind kind : groupVersions.get(groupVersion)) {
            String path = "/" + urlPrefix(groupVersion) + (kind.namespaced() ? "/namespaces/{namespace}/" : "/")
                    + kind.name() + "/{name}";
            ObjectNode patch = paths.putObject(path).putObject("patch");
            patch.putObject("x-kubernetes-group-version-kind").put("group", gv[0]).put("version", gv[1])
                    .put("kind", kind.kind());
            patch.putArray("parameters").addObject().put("name", "fieldValidation").put("in", "query")
                    .putObject("schema").put("type", "string");
            patch.putObject("responses").putObject("200").put("description", "OK");
        }
        document.putObject("components").putObject("schemas");
        return document;
    }
}
