package io.fullstackhelidon.features.users;

import io.fullstackhelidon.contract.Guard;
import io.fullstackhelidon.contract.Idempotency;
import io.fullstackhelidon.domain.InvalidRequest;
import io.fullstackhelidon.domain.NotAuthenticated;
import io.fullstackhelidon.domain.NotFound;
import io.fullstackhelidon.domain.NotPermitted;
import io.fullstackhelidon.infra.security.Authentication;
import io.fullstackhelidon.infra.security.BearerTokenProvider;
import io.fullstackhelidon.infra.security.Credentials;

import io.helidon.webserver.http.ServerRequest;

/**
 * The guards of endpoints that act for a user: they authenticate the request through Helidon Security and turn its
 * {@link Credentials} into that user, with the template's answers: 401 without a bearer token, 403 for a bad one, 404
 * when the user is gone, 400 when inactive, and 403 when a superuser is needed but the caller is not one. A token the
 * user's {@link TokenRevocation} ended is a bad one (checked after the inactive check, so a deactivated user gets the
 * template's answer).
 */
public final class CurrentUser {

    /** Idempotency keys are the calling user's: one user's key means nothing to another. */
    public static final Idempotency.Scope<User> KEYS_OF_THE_CALLER = (user, request) -> "user:" + user.id();

    private final Guard<User> active = request -> activeUser(verified(request));
    private final Guard<User> superuser = request -> superuser(activeUser(verified(request)));
    private final Guard<UserWithToken> activeSession = request -> {
        Credentials.Verified verified = verified(request);
        return new UserWithToken(activeUser(verified), verified.tokenDigest());
    };
    private final Guard<UserWithToken> superuserSession = request -> {
        Credentials.Verified verified = verified(request);
        return new UserWithToken(superuser(activeUser(verified)), verified.tokenDigest());
    };
    private final UserService users;
    private final Authentication authentication;

    public CurrentUser(UserService users, Authentication authentication) {
        this.users = users;
        this.authentication = authentication;
    }

    /** Admits the active user the request's access token names. */
    public Guard<User> active() {
        return active;
    }

    /** Admits an active superuser. */
    public Guard<User> superuser() {
        return superuser;
    }

    /** Admits the active user with the token they called with. */
    public Guard<UserWithToken> activeSession() {
        return activeSession;
    }

    /** Admits an active superuser with the token they called with. */
    public Guard<UserWithToken> superuserSession() {
        return superuserSession;
    }

    /** The request's verified access token, or the refusal its {@code Authorization} header earns. */
    private Credentials.Verified verified(ServerRequest request) {
        return switch (authentication.of(request)) {
            case Credentials.Missing missing -> throw new NotAuthenticated();
            case Credentials.Invalid invalid -> throw new NotPermitted(BearerTokenProvider.INVALID);
            case Credentials.Verified verified -> verified;
        };
    }

    /** The active user {@code verified} names, unless their tokens of that time were ended. */
    private User activeUser(Credentials.Verified verified) {
        User user = users.findTokenSubject(verified.userId())
                .orElseThrow(() -> new NotFound(UserService.USER_NOT_FOUND));
        if (!user.isActive()) {
            throw new InvalidRequest("Inactive user");
        }
        if (user.tokenRevocation() != null
            && user.tokenRevocation().revokes(verified.issuedAt(), verified.tokenDigest())) {
            throw new NotPermitted(BearerTokenProvider.INVALID);
        }
        return user;
    }

    private static User superuser(User user) {
        if (!user.isSuperuser()) {
            throw new NotPermitted(UserService.NOT_ENOUGH_PRIVILEGES);
        }
        return user;
    }
}
