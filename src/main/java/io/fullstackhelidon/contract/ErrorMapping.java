package io.fullstackhelidon.contract;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Function;

import io.fullstackhelidon.contract.validation.RequestValidationException;
import io.fullstackhelidon.domain.CauseChain;
import io.fullstackhelidon.domain.Conflict;
import io.fullstackhelidon.domain.DomainException;
import io.fullstackhelidon.domain.InvalidRequest;
import io.fullstackhelidon.domain.NotAuthenticated;
import io.fullstackhelidon.domain.NotFound;
import io.fullstackhelidon.domain.NotPermitted;
import io.fullstackhelidon.domain.PreconditionFailed;
import io.fullstackhelidon.domain.Throttled;
import io.fullstackhelidon.domain.Unavailable;
import io.fullstackhelidon.domain.Unprocessable;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The one place where exceptions become responses: the domain's refusals and validation errors get the contract's
 * status codes and JSON bodies, and so do the failures of libraries that the infrastructure recognises as refusals (a
 * lost database connection is a 503); anything unexpected is logged and answered with a generic 500 carrying the
 * request id, never with its message or stack trace.
 */
public final class ErrorMapping {

    private static final System.Logger LOGGER = System.getLogger(ErrorMapping.class.getName());

    private final Json json;
    private final Function<Throwable, Optional<DomainException>> refusalOf;

    /** Maps errors to answers written with {@code json}; {@code refusalOf} recognises a library's failure as a refusal. */
    public ErrorMapping(Json json, Function<Throwable, Optional<DomainException>> refusalOf) {
        this.json = json;
        this.refusalOf = refusalOf;
    }

    public void register(HttpRouting.Builder routing) {
        routing.error(DomainException.class, this::refused)
                .error(RequestValidationException.class, this::invalidRequest)
                .error(HttpException.class, this::httpError)
                .error(Throwable.class, this::unexpected);
    }

    private void refused(ServerRequest request, ServerResponse response, DomainException error) {
        RequestScopedHeaders.reapply(request, response);
        Status status = switch (error) {
            case InvalidRequest invalid -> Status.BAD_REQUEST_400;
            case NotAuthenticated missing -> {
                response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                yield Status.UNAUTHORIZED_401;
            }
            case NotPermitted denied -> Status.FORBIDDEN_403;
            case NotFound absent -> Status.NOT_FOUND_404;
            case Conflict clash -> Status.CONFLICT_409;
            case PreconditionFailed stale -> Status.PRECONDITION_FAILED_412;
            case Unprocessable refused -> Status.UNPROCESSABLE_CONTENT_422;
            case Throttled throttled -> {
                response.header(HeaderNames.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                yield Status.TOO_MANY_REQUESTS_429;
            }
            case Unavailable unavailable -> {
                unavailable.retryAfterSeconds().ifPresent(
                        seconds -> response.header(HeaderNames.RETRY_AFTER, Long.toString(seconds)));
                yield Status.SERVICE_UNAVAILABLE_503;
            }
        };
        json.send(response, status, new ErrorBody(error.detail()));
    }

    private void invalidRequest(ServerRequest request, ServerResponse response, RequestValidationException error) {
        RequestScopedHeaders.reapply(request, response);
        json.send(response, Status.UNPROCESSABLE_CONTENT_422, new ErrorBody(error.issues()));
    }

    private void httpError(ServerRequest request, ServerResponse response, HttpException error) {
        RequestScopedHeaders.reapply(request, response);
        Status status = error.status();
        if (status.code() >= 500) {
            LOGGER.log(Level.ERROR, "Request failed: " + request.prologue(), error);
        }
        json.send(response, status, new ErrorBody(status.reasonPhrase()));
    }

    /**
     * Logged (and so reported to Sentry) with the route template, never the raw path or the body. Two failures are
     * not unexpected although a library wraps them: a refusal thrown inside DbClient (the database is known to be
     * down), and a connection to the database lost in the middle of a statement, both a 503. Nor is a body whose
     * framing is in doubt, found while it was read, nor a client that went away while sending its body.
     */
    private void unexpected(ServerRequest request, ServerResponse response, Throwable error) {
        for (Throwable cause : CauseChain.of(error)) {
            if (cause instanceof DomainException refusal) {
                refused(request, response, refusal);
                return;
            }
            if (cause instanceof DataReader.InsufficientDataAvailableException) {
                // the client went away in the middle of its body: nobody to answer, and no server error
                LOGGER.log(Level.DEBUG, () -> "Client went away while sending " + request.prologue());
                response.header(HeaderValues.CONNECTION_CLOSE);
                json.send(response, Status.BAD_REQUEST_400, new ErrorBody(Status.BAD_REQUEST_400.reasonPhrase()));
                return;
            }
            if (cause instanceof RequestException refused && refused.eventType() == DirectHandler.EventType.BAD_REQUEST) {
                unreadable(request, response, refused);
                return;
            }
            Optional<DomainException> refusal = refusalOf.apply(cause);
            if (refusal.isPresent()) {
                refused(request, response, refusal.get());
                return;
            }
        }
        String route = request.context().get(RouteTemplate.class, RouteTemplate.class)
                .map(RouteTemplate::template)
                .orElse("an unrouted path");
        LOGGER.log(Level.ERROR, "Unhandled error in " + request.prologue().method().text() + " " + route, error);
        RequestScopedHeaders.reapply(request, response);
        String requestId = request.context().get(RequestId.class, RequestId.class).map(RequestId::value).orElse(null);
        json.send(response, Status.INTERNAL_SERVER_ERROR_500, new InternalError("Internal Server Error", requestId));
    }

    /**
     * A body whose framing {@code RequestFraming} found in doubt while a handler read it: the client's error, and the
     * connection cannot be read on, so it is closed after the answer.
     */
    private void unreadable(ServerRequest request, ServerResponse response, RequestException refused) {
        RequestScopedHeaders.reapply(request, response);
        response.header(HeaderValues.CONNECTION_CLOSE);
        json.send(response, refused.status(), new ErrorBody(refused.status().reasonPhrase()));
    }

    /**
     * The body of an unexpected failure: nothing about the cause, only the id to find it in the logs.
     *
     * @param detail    always "Internal Server Error"
     * @param requestId the request's id
     */
    record InternalError(String detail, String requestId) {
    }
}
