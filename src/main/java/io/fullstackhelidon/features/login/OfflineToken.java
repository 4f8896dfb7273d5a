package io.fullstackhelidon.features.login;

/**
 * The OAuth2 token response with a refresh token (RFC 6749 section 5.1), for a client that asked for
 * {@code offline_access}: the template's two fields first, as its clients read them.
 *
 * @param accessToken  the JWT
 * @param tokenType    always {@code bearer}
 * @param refreshToken the refresh token, for {@code POST /login/refresh}
 * @param expiresIn    the access token's lifetime in seconds
 */
public record OfflineToken(String accessToken, String tokenType, String refreshToken, long expiresIn) {

    static OfflineToken bearer(String accessToken, String refreshToken, long expiresIn) {
        return new OfflineToken(accessToken, "bearer", refreshToken, expiresIn);
    }
}
