package io.fullstackhelidon.login;

import java.util.List;

import io.fullstackhelidon.mail.EmailMessage;
import io.fullstackhelidon.observability.AppMetrics;
import io.fullstackhelidon.security.AccessTokens;
import io.fullstackhelidon.users.CurrentUser;
import io.fullstackhelidon.users.User;
import io.fullstackhelidon.users.UserPublic;
import io.fullstackhelidon.users.UserService;
import io.fullstackhelidon.web.ApiException;
import io.fullstackhelidon.web.ApiService;
import io.fullstackhelidon.web.Endpoint;
import io.fullstackhelidon.web.Json;
import io.fullstackhelidon.web.Message;
import io.fullstackhelidon.web.validation.FormFields;
import io.fullstackhelidon.web.validation.JsonBody;
import io.fullstackhelidon.web.validation.Validation;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The template's {@code login} routes: OAuth2 password login, the token check, and password recovery. */
public final class LoginApi implements ApiService {

    private static final HeaderName SUBJECT = HeaderNames.create("subject");

    private final UserService users;
    private final AccessTokens tokens;
    private final PasswordRecovery recovery;
    private final CurrentUser currentUser;
    private final LoginGuard guard;
    private final AppMetrics metrics;
    private final Json json;

    public LoginApi(UserService users, AccessTokens tokens, PasswordRecovery recovery, CurrentUser currentUser,
                    LoginGuard guard, AppMetrics metrics, Json json) {
        this.users = users;
        this.tokens = tokens;
        this.recovery = recovery;
        this.currentUser = currentUser;
        this.guard = guard;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/login/access-token", this::accessToken),
                Endpoint.post("/login/test-token", this::testToken),
                Endpoint.post("/password-recovery/{email}", this::recoverPassword),
                Endpoint.post("/reset-password/", this::resetPassword),
                Endpoint.post("/password-recovery-html-content/{email}", this::recoverPasswordHtmlContent));
    }

    /** The OAuth2 password grant; {@code username} holds the e-mail address, compared exactly. */
    private void accessToken(ServerRequest request, ServerResponse response) {
        Validation input = new Validation();
        FormFields form = FormFields.read(request, input);
        form.optionalExactly("grant_type", "password");
        String username = form.required("username");
        String password = form.required("password");
        input.throwIfInvalid();
        guard.ensureNotLocked(username);
        User user = users.authenticate(username, password).orElse(null);
        if (user == null) {
            guard.failed(username);
            metrics.loginFailed();
            throw ApiException.badRequest("Incorrect email or password");
        }
        guard.succeeded(username);
        if (!user.isActive()) {
            metrics.loginFailed();
            throw ApiException.badRequest("Inactive user");
        }
        metrics.loginSucceeded();
        json.send(response, Token.bearer(tokens.issue(user.id())));
    }

    private void testToken(ServerRequest request, ServerResponse response) {
        json.send(response, UserPublic.of(currentUser.require(request)));
    }

    /** Always the same answer, whether or not the address is registered. */
    private void recoverPassword(ServerRequest request, ServerResponse response) {
        recovery.sendRecoveryEmail(request.path().pathParameters().get("email"));
        json.send(response, new Message("If that email is registered, we sent a password recovery link"));
    }

    private void resetPassword(ServerRequest request, ServerResponse response) {
        JsonBody body = JsonBody.read(request, json);
        Validation input = new Validation();
        NewPassword newPassword = NewPassword.from(input.body(body));
        input.throwIfInvalid();
        recovery.resetPassword(newPassword.token(), newPassword.newPassword());
        json.send(response, new Message("Password updated successfully"));
    }

    private void recoverPasswordHtmlContent(ServerRequest request, ServerResponse response) {
        currentUser.requireSuperuser(request);
        EmailMessage email = recovery.previewRecoveryEmail(request.path().pathParameters().get("email"));
        response.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8"))
                .header(SUBJECT, email.subject())
                .send(email.html());
    }
}
