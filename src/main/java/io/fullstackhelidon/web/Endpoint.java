package io.fullstackhelidon.web;

import java.util.Objects;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;

/**
 * One route of the API.
 *
 * @param method  HTTP method
 * @param path    path below the API prefix, trailing slash significant, {@code {name}} for a parameter
 * @param handler what answers it
 */
public record Endpoint(Method method, String path, Handler handler) {

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
    }

    public static Endpoint get(String path, Handler handler) {
        return new Endpoint(Method.GET, path, handler);
    }

    public static Endpoint post(String path, Handler handler) {
        return new Endpoint(Method.POST, path, handler);
    }

    public static Endpoint put(String path, Handler handler) {
        return new Endpoint(Method.PUT, path, handler);
    }

    public static Endpoint patch(String path, Handler handler) {
        return new Endpoint(Method.PATCH, path, handler);
    }

    public static Endpoint delete(String path, Handler handler) {
        return new Endpoint(Method.DELETE, path, handler);
    }
}
