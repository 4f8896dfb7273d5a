package io.fullstackhelidon.contract;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.fullstackhelidon.contract.validation.Issues;
import io.fullstackhelidon.contract.validation.JsonBody;
import io.fullstackhelidon.contract.validation.ObjectSchema;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The one pipeline every endpoint runs, in the template's order of checks: the body's syntax (malformed JSON is a
 * 422 before anything else), then who may call (the guard), then the parameters and the body validated together
 * (one 422 with every issue, path before query before body), then the handler; its answer goes out as JSON with the
 * endpoint's status unless it is a {@link CustomResponse}. No handler can reorder these steps.
 *
 * @param <U> the caller
 * @param <B> the body
 */
final class EndpointHandler<U, B> implements Handler {

    private final Endpoint<U, B> endpoint;
    private final Json json;
    private final Idempotency idempotency;

    EndpointHandler(Endpoint<U, B> endpoint, Json json, Idempotency idempotency) {
        this.endpoint = endpoint;
        this.json = json;
        this.idempotency = idempotency;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        Optional<ObjectSchema<B>> schema = endpoint.body();
        Object body = schema.map(declared -> declared.encoding() == ObjectSchema.Encoding.JSON
                                             ? RequestBodies.json(request, json)
                                             : RequestBodies.form(request))
                .orElse(null);
        U caller = endpoint.guard().admit(request);
        Issues issues = new Issues();
        Map<Parameter<?>, Object> parameters = new HashMap<>();
        for (Parameter<?> parameter : endpoint.parameters()) {
            parameters.put(parameter, parameter.read(request, issues));
        }
        B record = schema.map(declared -> read(declared, body, issues)).orElse(null);
        issues.throwIfAny();
        Precondition precondition = endpoint.conditional()
                                    ? request.headers().first(HeaderNames.IF_MATCH)
                                            .map(header -> Precondition.ifMatch(header, json))
                                            .orElse(Precondition.NONE)
                                    : Precondition.NONE;
        Input<B> input = new Input<>(parameters, record, precondition);
        Optional<Idempotency.Scope<U>> scope = endpoint.idempotency();
        String key = scope.isPresent() ? Idempotency.key(request) : null;
        if (key != null) {
            handleOnce(request, response, caller, input, scope.get().of(caller, request), key);
            return;
        }
        Object answer = endpoint.handler().handle(caller, input);
        if (answer instanceof CustomResponse custom) {
            custom.send(response, endpoint.status());
        } else if (answer instanceof JsonWithHeaders headed) {
            headed.headers().forEach((name, value) -> response.header(HeaderNames.create(name), value));
            json.send(response, endpoint.status(), headed.body());
        } else if (endpoint.tagged()) {
            sendTagged(request, response, json.bytes(answer));
        } else {
            json.send(response, endpoint.status(), answer);
        }
    }

    /**
     * The request under its {@code Idempotency-Key}: the first answer replayed when the key has one, else the handler
     * runs and its answer is kept for the retries (the key given back if it fails).
     */
    private void handleOnce(ServerRequest request, ServerResponse response, U caller, Input<B> input, String scope,
                            String key) {
        String what = request.prologue().method().text() + " " + request.prologue().uriPath().rawPath() + "?"
                      + request.prologue().query().rawValue() + "\n" + new String(json.bytes(input.body()),
                                                                                  StandardCharsets.UTF_8);
        Idempotency.Reservation.Answered earlier = idempotency.reserve(scope, key, what);
        if (earlier != null) {
            response.status(Status.create(earlier.status())).header(HeaderValues.CONTENT_TYPE_JSON)
                    .header(HeaderNames.create(Idempotency.REPLAYED), "true")
                    .send(earlier.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] representation;
        try {
            representation = json.bytes(endpoint.handler().handle(caller, input));
            idempotency.complete(scope, key, endpoint.status().code(), representation);
        } catch (RuntimeException e) {
            idempotency.release(scope, key);
            throw e;
        }
        if (endpoint.tagged()) {
            sendTagged(request, response, representation);
        } else {
            response.status(endpoint.status()).header(HeaderValues.CONTENT_TYPE_JSON).send(representation);
        }
    }

    /** The answer with its {@code ETag}; to a {@code GET} that already holds it, 304 and no body. */
    private void sendTagged(ServerRequest request, ServerResponse response, byte[] representation) {
        String tag = EntityTag.of(representation);
        response.header(HeaderNames.ETAG, tag);
        Optional<String> ifNoneMatch = request.headers().first(HeaderNames.IF_NONE_MATCH);
        if (request.prologue().method() == Method.GET && ifNoneMatch.isPresent()
            && EntityTag.listed(ifNoneMatch.get(), tag, true)) {
            response.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        response.status(endpoint.status()).header(HeaderValues.CONTENT_TYPE_JSON).send(representation);
    }

    @SuppressWarnings("unchecked")
    private static <B> B read(ObjectSchema<B> schema, Object body, Issues issues) {
        return body instanceof JsonBody jsonBody ? schema.read(jsonBody, issues)
                                                 : schema.read((Map<String, String>) body, issues);
    }
}
