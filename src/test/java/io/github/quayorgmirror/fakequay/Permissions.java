package io.github.quayorgmirror.fakequay;

/**
 * Quay's permission checks for the org-mirror endpoints (§3.3). The check runs before the org lookup,
 * so a normal user asking about a missing org gets 403, a full-access superuser 404.
 */
final class Permissions {

    static final String ORG_ADMIN_SCOPE = "org:admin";
    static final String SUPERUSER_SCOPE = "super:user";

    private final FakeQuayState state;
    private final QuayErrors errors;

    Permissions(FakeQuayState state, QuayErrors errors) {
        this.state = state;
        this.errors = errors;
    }

    boolean isOrgAdmin(Caller caller, String orgName) {
        Organization org = state.org(orgName);
        return caller.isAuthenticated() && org != null && org.admins.contains(caller.username())
                && caller.hasScope(ORG_ADMIN_SCOPE);
    }

    /** A team role of at least "member": any scope will do, as every scope maps to one. */
    boolean isOrgMember(Caller caller, String orgName) {
        Organization org = state.org(orgName);
        return caller.isAuthenticated() && org != null && org.admins.contains(caller.username())
                && (caller.scopes() == null || !caller.scopes().isEmpty());
    }

    /** Repository creation needs the "creator" role: scope {@code repo:create} or {@code org:admin}. */
    boolean canCreateRepository(Caller caller, String orgName) {
        Organization org = state.org(orgName);
        boolean admin = caller.isAuthenticated() && org != null && org.admins.contains(caller.username());
        return (admin && (caller.hasScope(ORG_ADMIN_SCOPE) || caller.hasScope("repo:create")))
                || isFullAccessSuperuser(caller);
    }

    /** {@code FEATURE_SUPERUSERS_FULL_ACCESS} is on; a token needs the {@code super:user} scope. */
    boolean isFullAccessSuperuser(Caller caller) {
        return state.isSuperuser(caller.username()) && caller.hasScope(SUPERUSER_SCOPE);
    }

    /** {@code require_org_admin}: 401 without a user, 403 with one. */
    void checkOrgAdmin(Caller caller, String orgName) {
        if (!isOrgAdmin(caller, orgName) && !isFullAccessSuperuser(caller)) {
            throw denied(caller);
        }
    }

    QuayError denied(Caller caller) {
        return caller.isAuthenticated() ? errors.unauthorized() : errors.requiresAuthentication();
    }

    /** {@link #checkOrgAdmin}, then the org lookup: returns the org or ends the request. */
    Organization requireOrgAdmin(Caller caller, String orgName) {
        checkOrgAdmin(caller, orgName);
        Organization org = state.org(orgName);
        if (org == null) {
            throw errors.notFound();
        }
        return org;
    }

    /** Like {@link #requireOrgAdmin}, and also the config lookup (404 when no mirror is configured). */
    Organization requireMirror(Caller caller, String orgName) {
        Organization org = requireOrgAdmin(caller, orgName);
        if (org.mirror == null) {
            throw errors.notFound();
        }
        return org;
    }
}
