package io.fullstackhelidon.contract;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.fullstackhelidon.domain.Conflict;
import io.fullstackhelidon.domain.InvalidRequest;
import io.fullstackhelidon.domain.Unprocessable;

import io.helidon.webserver.http.ServerRequest;

/**
 * Safe retries with {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header) for the endpoints that declare
 * it: the first request with a key runs and its answer is kept; a retry with the same key and the same request gets
 * that answer again ({@code Idempotent-Replayed: true}) and creates nothing; the same key with another request is 422,
 * and while the first is still running, 409. Keys belong to a scope the endpoint names (the caller, or the client's
 * address before there is one). A request without the header runs as the template's does.
 */
public final class Idempotency {

    /** The header. */
    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String IN_FLIGHT = "A request with this Idempotency-Key is still in progress";
    static final String OTHER_REQUEST = "This Idempotency-Key was used with another request";
    static final String BAD_KEY = "Idempotency-Key must be 1 to 255 visible characters";

    /** Where keys and answers are kept, shared by every instance. */
    public interface Store {

        /** Takes {@code key} for a request whose fingerprint is {@code fingerprint}, or says why not. */
        Reservation reserve(String scope, String key, String fingerprint);

        /** Keeps the answer of the request that took the key. */
        void complete(String scope, String key, int status, String body);

        /** Gives the key back: the request failed, and a retry may run it again. */
        void release(String scope, String key);
    }

    /** What a key's reservation found. */
    public sealed interface Reservation {

        /** The key is this request's: run it. */
        record Taken() implements Reservation {
        }

        /** The first request with the key is still running. */
        record InFlight() implements Reservation {
        }

        /** The key was used with another request. */
        record OtherRequest() implements Reservation {
        }

        /** The key's first request answered this. */
        record Answered(int status, String body) implements Reservation {
        }
    }

    /**
     * The scope of an endpoint's keys: who, or from where, the caller is.
     *
     * @param <U> the caller the endpoint's guard admits
     */
    @FunctionalInterface
    public interface Scope<U> {

        String of(U caller, ServerRequest request);
    }

    private final Store store;
    private final Function<byte[], String> fingerprint;

    /** Keys kept in {@code store}; {@code fingerprint} is a keyed hash, so that no request body rests guessable. */
    public Idempotency(Store store, Function<byte[], String> fingerprint) {
        this.store = store;
        this.fingerprint = fingerprint;
    }

    /** The key of {@code request}'s header after a check of its form; {@code null} without one. */
    static String key(ServerRequest request) {
        return request.headers().first(io.helidon.http.HeaderNames.create(HEADER)).map(key -> {
            if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new InvalidRequest(BAD_KEY);
            }
            return key;
        }).orElse(null);
    }

    /**
     * Reserves {@code key} for the request ({@code what}: its method, target and validated body); an answer to replay
     * when it had one, else {@code null} once the key is this request's.
     */
    Reservation.Answered reserve(String scope, String key, String what) {
        return switch (store.reserve(scope, key, fingerprint.apply(what.getBytes(StandardCharsets.UTF_8)))) {
            case Reservation.Taken taken -> null;
            case Reservation.InFlight inFlight -> throw new Conflict(IN_FLIGHT);
            case Reservation.OtherRequest other -> throw new Unprocessable(OTHER_REQUEST);
            case Reservation.Answered answered -> answered;
        };
    }

    void complete(String scope, String key, int status, byte[] body) {
        store.complete(scope, key, status, new String(body, StandardCharsets.UTF_8));
    }

    void release(String scope, String key) {
        store.release(scope, key);
    }
}
