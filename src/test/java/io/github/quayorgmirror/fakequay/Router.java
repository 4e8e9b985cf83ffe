package io.github.quayorgmirror.fakequay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the route for a request and runs Quay's request pipeline around it: auth context
 * ({@code process_oauth}), then CSRF for mutating API calls without a valid bearer token, then the
 * resource. Handlers run while holding the state lock, so each request sees and leaves consistent state.
 */
final class Router {

    private static final String NOT_FOUND_HTML = "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n"
            + "<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL "
            + "manually please check your spelling and try again.</p>\n";

    private record Route(String method, Pattern pattern, boolean mirrorFeature, boolean api,
                         Function<ApiRequest, Response> handler) {
    }

    private final FakeQuayState state;
    private final QuayErrors errors;
    private final List<Route> routes = new ArrayList<>();

    Router(FakeQuayState state, QuayErrors errors) {
        this.state = state;
        this.errors = errors;
    }

    Router web(String method, String regex, Function<ApiRequest, Response> handler) {
        routes.add(new Route(method, Pattern.compile(regex), false, false, handler));
        return this;
    }

    Router api(String method, String regex, Function<ApiRequest, Response> handler) {
        routes.add(new Route(method, Pattern.compile(regex), false, true, handler));
        return this;
    }

    /** Registered only while {@code FEATURE_ORG_MIRROR} is on, as Quay's {@code @show_if}, and from Quay 3.17 on. */
    Router mirror(String method, String regex, Function<ApiRequest, Response> handler) {
        routes.add(new Route(method, Pattern.compile(regex), true, true, handler));
        return this;
    }

    Response route(ApiRequest req) {
        synchronized (state) {
            List<Route> onPath = routes.stream().filter(r -> !r.mirrorFeature() || state.orgMirrorApi && state.orgMirrorFeature)
                    .filter(r -> r.pattern().matcher(req.path).matches()).toList();
            if (onPath.isEmpty()) {
                return Response.html(404, NOT_FOUND_HTML);
            }
            Route route = onPath.stream().filter(r -> r.method().equals(req.method)).findFirst().orElse(null);
            if (route == null) {
                return Response.json(405, Map.of("message", "The method is not allowed for the requested URL."));
            }
            Matcher m = route.pattern().matcher(req.path);
            m.matches();
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) {
                params.add(m.group(i));
            }
            req.pathParams = List.copyOf(params);
            try {
                identify(req);
                if (route.api() && !req.isReadOnlyMethod() && !req.caller.viaBearerToken()) {
                    checkCsrf(req);
                }
                return route.handler().apply(req);
            } catch (QuayError e) {
                return e.response();
            }
        }
    }

    /** Bearer token first; an unknown or expired one is ignored. Basic auth is never looked at. */
    private void identify(ApiRequest req) {
        String auth = req.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Caller byToken = state.callerForToken(auth.substring(7).trim());
            if (byToken != null) {
                req.caller = byToken;
            }
        }
        req.session = state.sessions.find(req.cookies());
        if (!req.caller.isAuthenticated() && req.session != null && req.session.username != null
                && state.users.containsKey(req.session.username)) {
            req.caller = Caller.session(req.session.username);
        }
    }

    private void checkCsrf(ApiRequest req) {
        String sent = req.header("X-CSRF-Token");
        if (sent == null) {
            sent = req.query.get("_csrf_token");
        }
        if (req.session == null || sent == null || !sent.equals(req.session.csrfToken)) {
            throw errors.csrf(req.caller.username());
        }
    }
}
