package io.fullstackhelidon.contract;

import io.helidon.webserver.http.ServerRequest;

/**
 * Who may call an endpoint: admits the request's caller (and returns it) or throws the domain exception the contract
 * answers with. Runs after the body's syntax check and before validation, for every endpoint alike.
 *
 * @param <U> the caller a handler gets
 */
public interface Guard<U> {

    /** Anyone, without a token; the handler gets no caller. */
    Guard<Void> ANYONE = new Guard<>() {
        @Override
        public Void admit(ServerRequest request) {
            return null;
        }

        @Override
        public boolean needsToken() {
            return false;
        }
    };

    /** The caller, when admitted. */
    U admit(ServerRequest request);

    /** Whether callers must present a bearer token (the OpenAPI {@code security} of the operation). */
    default boolean needsToken() {
        return true;
    }
}
