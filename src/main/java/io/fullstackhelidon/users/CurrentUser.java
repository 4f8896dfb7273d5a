package io.fullstackhelidon.users;

import java.util.Map;

import io.fullstackhelidon.security.Credentials;
import io.fullstackhelidon.web.ApiException;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/**
 * Turns a request's {@link Credentials} into the user an endpoint acts for, with the template's answers: 401
 * without a bearer token, 403 for a bad one, 404 when the user is gone, 400 when inactive, and 403 when a superuser
 * is needed but the caller is not one.
 */
public final class CurrentUser {

    private static final Credentials MISSING = new Credentials.Missing();

    private final UserService users;

    public CurrentUser(UserService users) {
        this.users = users;
    }

    /** The active user the request's access token names. */
    public User require(ServerRequest request) {
        Credentials credentials = request.context().get(Credentials.class, Credentials.class).orElse(MISSING);
        return switch (credentials) {
            case Credentials.Missing missing -> throw new ApiException(Status.UNAUTHORIZED_401, "Not authenticated",
                                                                       Map.of("WWW-Authenticate", "Bearer"));
            case Credentials.Invalid invalid -> throw ApiException.forbidden("Could not validate credentials");
            case Credentials.Verified verified -> {
                User user = users.findTokenSubject(verified.userId())
                        .orElseThrow(() -> ApiException.notFound(UserService.USER_NOT_FOUND));
                if (!user.isActive()) {
                    throw ApiException.badRequest("Inactive user");
                }
                yield user;
            }
        };
    }

    /** Like {@link #require(ServerRequest)}, and the user must be a superuser. */
    public User requireSuperuser(ServerRequest request) {
        User user = require(request);
        if (!user.isSuperuser()) {
            throw ApiException.forbidden(UserService.NOT_ENOUGH_PRIVILEGES);
        }
        return user;
    }
}
