package org.chatalot.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;

import org.chatalot.server.error.MethodNotAllowed;

/**
 * Registers a feature's endpoints and, after them, a 405 answer (with {@code Allow}) for each path
 * called with a method it does not have. Use in {@code HttpService.routing}:
 * <pre>Routes.on(rules).get("/", this::list).post("/", this::create).register();</pre>
 */
public final class Routes {
    private final HttpRules rules;
    private final Map<String, List<String>> methodsByPath = new LinkedHashMap<>();

    private Routes(HttpRules rules) {
        this.rules = rules;
    }

    public static Routes on(HttpRules rules) {
        return new Routes(rules);
    }

    public Routes get(String path, Handler handler) {
        return add(Method.GET, path, handler);
    }

    public Routes post(String path, Handler handler) {
        return add(Method.POST, path, handler);
    }

    public Routes put(String path, Handler handler) {
        return add(Method.PUT, path, handler);
    }

    public Routes patch(String path, Handler handler) {
        return add(Method.PATCH, path, handler);
    }

    public Routes delete(String path, Handler handler) {
        return add(Method.DELETE, path, handler);
    }

    /** Adds the 405 fallbacks; call once after the last endpoint. */
    public void register() {
        methodsByPath.forEach((path, methods) -> rules.any(path, (req, res) -> {
            throw new MethodNotAllowed(req.prologue().method().text(), methods);
        }));
    }

    private Routes add(Method method, String path, Handler handler) {
        rules.route(method, path, handler);
        methodsByPath.computeIfAbsent(path, p -> new ArrayList<>()).add(method.text());
        return this;
    }
}
