package io.fullstackhelidon.features.login;

import java.util.List;
import java.util.Map;

import io.fullstackhelidon.contract.CustomResponse;
import io.fullstackhelidon.contract.Endpoint;
import io.fullstackhelidon.contract.FeatureApi;
import io.fullstackhelidon.contract.Message;
import io.fullstackhelidon.contract.Parameter;
import io.fullstackhelidon.domain.InvalidRequest;
import io.fullstackhelidon.features.users.CurrentUser;
import io.fullstackhelidon.features.users.User;
import io.fullstackhelidon.features.users.UserPublic;
import io.fullstackhelidon.features.users.UserService;
import io.fullstackhelidon.infra.mail.EmailMessage;
import io.fullstackhelidon.infra.observability.AppMetrics;
import io.fullstackhelidon.infra.security.AccessTokens;

/** The template's {@code login} routes: OAuth2 password login, the token check, and password recovery. */
public final class LoginApi implements FeatureApi {

    private static final Parameter<String> EMAIL = Parameter.pathText("email");

    private final UserService users;
    private final AccessTokens tokens;
    private final PasswordRecovery recovery;
    private final CurrentUser currentUser;
    private final FailedLoginLockout guard;
    private final AppMetrics metrics;
    private final RefreshTokens refreshTokens;

    public LoginApi(UserService users, AccessTokens tokens, PasswordRecovery recovery, CurrentUser currentUser,
                    FailedLoginLockout guard, AppMetrics metrics, RefreshTokens refreshTokens) {
        this.users = users;
        this.tokens = tokens;
        this.recovery = recovery;
        this.currentUser = currentUser;
        this.guard = guard;
        this.metrics = metrics;
        this.refreshTokens = refreshTokens;
    }

    @Override
    public List<Endpoint<?, ?>> endpoints() {
        return List.of(
                Endpoint.post("/login/access-token").body(PasswordLogin.SCHEMA)
                        .handle((nobody, in) -> accessToken(in.body())),
                Endpoint.post("/login/test-token").guard(currentUser.active())
                        .handle((caller, in) -> UserPublic.of(caller)),
                Endpoint.post("/login/refresh").body(RefreshGrant.SCHEMA)
                        .handle((nobody, in) -> refresh(in.body())),
                Endpoint.post("/login/logout").body(RefreshGrant.LOGOUT)
                        .handle((nobody, in) -> {
                            refreshTokens.endFamilyOf(in.body().refreshToken());
                            return new Message("Logged out");
                        }),
                Endpoint.post("/login/logout-all").guard(currentUser.active())
                        .handle((caller, in) -> {
                            users.endAllTokens(caller);
                            return new Message("Logged out everywhere");
                        }),
                Endpoint.post("/password-recovery/{email}").with(EMAIL)
                        .handle((nobody, in) -> {
                            // always the same answer, whether or not the address is registered
                            recovery.sendRecoveryEmail(in.get(EMAIL));
                            return new Message("If that email is registered, we sent a password recovery link");
                        }),
                Endpoint.post("/reset-password/").body(NewPassword.SCHEMA)
                        .handle((nobody, in) -> {
                            recovery.resetPassword(in.body().token(), in.body().newPassword());
                            return new Message("Password updated successfully");
                        }),
                Endpoint.post("/password-recovery-html-content/{email}").guard(currentUser.superuser()).with(EMAIL)
                        .handle((admin, in) -> {
                            EmailMessage email = recovery.previewRecoveryEmail(in.get(EMAIL));
                            return CustomResponse.html(email.html(), Map.of("subject", email.subject()));
                        }));
    }

    /**
     * The OAuth2 password grant, behind the per-account lock-out: the template's token, or with {@code offline_access}
     * also a refresh token and the access token's lifetime.
     */
    private Record accessToken(PasswordLogin login) {
        guard.ensureNotLocked(login.username());
        User user = users.authenticate(login.username(), login.password()).orElse(null);
        if (user == null) {
            guard.failed(login.username());
            metrics.loginFailed();
            throw new InvalidRequest("Incorrect email or password");
        }
        guard.succeeded(login.username());
        if (!user.isActive()) {
            metrics.loginFailed();
            throw new InvalidRequest("Inactive user");
        }
        metrics.loginSucceeded();
        String accessToken = tokens.issue(user.id(), user.tokensNotBefore());
        if (!login.offlineAccess()) {
            return Token.bearer(accessToken);
        }
        return OfflineToken.bearer(accessToken, refreshTokens.startFamily(user), tokens.lifetime().toSeconds());
    }

    /** The refresh grant: a new access token and the family's next refresh token. */
    private OfflineToken refresh(RefreshGrant grant) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(grant.refreshToken());
        User user = rotation.user();
        return OfflineToken.bearer(tokens.issue(user.id(), user.tokensNotBefore()), rotation.refreshToken(),
                                   tokens.lifetime().toSeconds());
    }
}
