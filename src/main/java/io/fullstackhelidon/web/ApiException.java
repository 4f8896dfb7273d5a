package io.fullstackhelidon.web;

import java.util.Map;
import java.util.Objects;

import io.helidon.http.Status;

/**
 * A failure the client caused or may see: answered with {@code status} and {@code {"detail": detail}}, the shape
 * every client of the template backend matches on.
 */
public final class ApiException extends RuntimeException {

    private final Status status;
    private final String detail;
    private final Map<String, String> headers;

    public ApiException(Status status, String detail) {
        this(status, detail, Map.of());
    }

    public ApiException(Status status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = Objects.requireNonNull(status);
        this.detail = Objects.requireNonNull(detail);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(Status.BAD_REQUEST_400, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Status.FORBIDDEN_403, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Status.NOT_FOUND_404, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Status.CONFLICT_409, detail);
    }

    public static ApiException serviceUnavailable(String detail) {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, detail);
    }

    public Status status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
