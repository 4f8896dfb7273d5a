package io.fullstackhelidon.features.login;

/**
 * The OAuth2 token response.
 *
 * @param accessToken the JWT
 * @param tokenType   always {@code bearer}
 */
public record Token(String accessToken, String tokenType) {

    static Token bearer(String accessToken) {
        return new Token(accessToken, "bearer");
    }
}
