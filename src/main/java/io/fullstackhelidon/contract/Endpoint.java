package io.fullstackhelidon.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.fullstackhelidon.contract.validation.ObjectSchema;

import io.helidon.http.Method;
import io.helidon.http.Status;

/**
 * One route of the API, declared: method, path, who may call it, its parameters and body, the status of a success,
 * and the handler, which gets the admitted caller and the validated input and returns what it answers. Everything
 * else (the order of checks, the 422 messages, the OpenAPI request side) derives from the declaration.
 *
 * @param <U> the caller the guard admits
 * @param <B> the body record, {@code Void} without a body
 */
public final class Endpoint<U, B> {

    /** What an endpoint does once its input is valid. */
    @FunctionalInterface
    public interface Handler<U, B> {

        /** The answer: a record to send as JSON with the endpoint's status, or an {@link CustomResponse}. */
        Object handle(U caller, Input<B> input);
    }

    private final Method method;
    private final String path;
    private final Guard<U> guard;
    private final List<Parameter<?>> parameters;
    private final ObjectSchema<B> body;
    private final Status status;
    private final Handler<U, B> handler;
    private final boolean tagged;
    private final boolean conditional;
    private final Idempotency.Scope<?> idempotency;

    private Endpoint(Builder<U, B> builder, Handler<U, B> handler) {
        this.method = builder.method;
        this.path = builder.path;
        this.guard = builder.guard;
        this.parameters = List.copyOf(builder.parameters);
        this.body = builder.body;
        this.status = builder.status;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.tagged = builder.tagged;
        this.conditional = builder.conditional;
        this.idempotency = builder.idempotency;
    }

    public static Builder<Void, Void> get(String path) {
        return new Builder<>(Method.GET, path, Guard.ANYONE, null);
    }

    public static Builder<Void, Void> post(String path) {
        return new Builder<>(Method.POST, path, Guard.ANYONE, null);
    }

    public static Builder<Void, Void> put(String path) {
        return new Builder<>(Method.PUT, path, Guard.ANYONE, null);
    }

    public static Builder<Void, Void> patch(String path) {
        return new Builder<>(Method.PATCH, path, Guard.ANYONE, null);
    }

    public static Builder<Void, Void> delete(String path) {
        return new Builder<>(Method.DELETE, path, Guard.ANYONE, null);
    }

    public Method method() {
        return method;
    }

    /** The path below the API prefix; the trailing slash is significant, {@code {name}} is a path parameter. */
    public String path() {
        return path;
    }

    public Guard<U> guard() {
        return guard;
    }

    public List<Parameter<?>> parameters() {
        return parameters;
    }

    public Optional<ObjectSchema<B>> body() {
        return Optional.ofNullable(body);
    }

    public Status status() {
        return status;
    }

    /** Whether answers carry the representation's {@code ETag}, and a {@code GET} honours {@code If-None-Match}. */
    public boolean tagged() {
        return tagged;
    }

    /** Whether the endpoint honours {@code If-Match} ({@link Input#precondition()}). */
    public boolean conditional() {
        return conditional;
    }

    /** The scope of its {@code Idempotency-Key}s, when it takes them. */
    @SuppressWarnings("unchecked")
    public Optional<Idempotency.Scope<U>> idempotency() {
        return Optional.ofNullable((Idempotency.Scope<U>) idempotency);
    }

    Handler<U, B> handler() {
        return handler;
    }

    /**
     * The declaration so far.
     *
     * @param <U> the caller
     * @param <B> the body
     */
    public static final class Builder<U, B> {

        private final Method method;
        private final String path;
        private final Guard<U> guard;
        private final ObjectSchema<B> body;
        private final List<Parameter<?>> parameters = new ArrayList<>();
        private Status status = Status.OK_200;
        private boolean tagged;
        private boolean conditional;
        private Idempotency.Scope<?> idempotency;

        private Builder(Method method, String path, Guard<U> guard, ObjectSchema<B> body) {
            this.method = method;
            this.path = Objects.requireNonNull(path, "path");
            this.guard = Objects.requireNonNull(guard, "guard");
            this.body = body;
        }

        private Builder(Builder<?, ?> from, Guard<U> guard, ObjectSchema<B> body) {
            this(from.method, from.path, guard, body);
            this.parameters.addAll(from.parameters);
            this.status = from.status;
            this.tagged = from.tagged;
            this.conditional = from.conditional;
            this.idempotency = from.idempotency;
        }

        /** Only callers {@code guard} admits. */
        public <V> Builder<V, B> guard(Guard<V> guard) {
            return new Builder<>(this, guard, body);
        }

        /** A path or query parameter; validated in the order declared, path parameters first by convention. */
        public Builder<U, B> with(Parameter<?> parameter) {
            parameters.add(parameter);
            return this;
        }

        /** The request body. */
        public <C> Builder<U, C> body(ObjectSchema<C> schema) {
            return new Builder<>(this, guard, Objects.requireNonNull(schema, "schema"));
        }

        /** The status of a successful answer (200 unless given). */
        public Builder<U, B> status(Status success) {
            this.status = Objects.requireNonNull(success);
            return this;
        }

        /**
         * Answers carry a strong {@code ETag} of their JSON; a {@code GET} whose {@code If-None-Match} names it is
         * answered 304 without a body (RFC 9110 section 13.1.2).
         */
        public Builder<U, B> tagged() {
            this.tagged = true;
            return this;
        }

        /** The handler gets the request's {@code If-Match} to check and write by ({@link Input#precondition()}). */
        public Builder<U, B> conditional() {
            this.conditional = true;
            return this;
        }

        /**
         * Takes {@code Idempotency-Key}: a retry with a key gets the first answer again instead of running twice
         * ({@link Idempotency}); keys are {@code scope}'s. Declared after the guard, whose caller it names.
         */
        public Builder<U, B> idempotent(Idempotency.Scope<U> scope) {
            this.idempotency = Objects.requireNonNull(scope);
            return this;
        }

        public Endpoint<U, B> handle(Handler<U, B> handler) {
            return new Endpoint<>(this, handler);
        }
    }
}
