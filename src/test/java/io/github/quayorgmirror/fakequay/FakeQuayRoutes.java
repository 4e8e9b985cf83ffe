package io.github.quayorgmirror.fakequay;

import java.net.URI;

/** The route table: which handler answers which method and path. */
final class FakeQuayRoutes {

    private static final String ORG = "/api/v1/organization/([^/]+)";
    private static final String MIRROR = ORG + "/mirror";

    private FakeQuayRoutes() {
    }

    static Router build(FakeQuayState state, URI baseUri) {
        QuayErrors errors = new QuayErrors(baseUri);
        Permissions permissions = new Permissions(state, errors);
        AuthHandler auth = new AuthHandler(state, errors);
        OrgMirrorHandler mirror = new OrgMirrorHandler(permissions, new MirrorValidator(state, errors), errors);
        MirrorSyncHandler sync = new MirrorSyncHandler(permissions, errors);
        OrganizationHandler orgs = new OrganizationHandler(state, permissions, errors);
        RepositoryHandler repos = new RepositoryHandler(state, permissions, errors);
        String hostAndPort = baseUri.getHost() + ":" + baseUri.getPort();
        return new Router(state, errors)
                .web("GET", "/config", req -> auth.config(req, baseUri.getScheme(), hostAndPort))
                .web("GET", "/csrf_token", auth::csrfToken)
                .api("POST", "/api/v1/signin", auth::signin)
                .api("POST", "/api/v1/signout", auth::signout)
                .api("GET", ORG, orgs::organization)
                .api("GET", ORG + "/robots/([^/]+)", orgs::robot)
                .api("GET", "/api/v1/repository", repos::list)
                .api("POST", "/api/v1/repository", repos::create)
                .mirror("GET", MIRROR, mirror::get)
                .mirror("POST", MIRROR, mirror::create)
                .mirror("PUT", MIRROR, mirror::update)
                .mirror("DELETE", MIRROR, mirror::delete)
                .mirror("POST", MIRROR + "/sync-now", sync::syncNow)
                .mirror("POST", MIRROR + "/sync-cancel", sync::syncCancel)
                .mirror("POST", MIRROR + "/verify", sync::verify)
                .mirror("GET", MIRROR + "/repositories", sync::repositories);
    }
}
