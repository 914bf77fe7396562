package dev.bridle.sandbox.internal.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The API's endpoints as data: a list of routes, matched in order. */
public final class RouteTable {
    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The route for a request and its path parameters. */
    public Optional<Matched> match(String method, String path) {
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(method, path);
            if (params.isPresent()) {
                return Optional.of(new Matched(route, params.get()));
            }
        }
        return Optional.empty();
    }

    /** A matched route with its path parameters. */
    public record Matched(Route route, Map<String, String> pathParams) {}
}
