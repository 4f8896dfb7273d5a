package io.fullstackhelidon.login;

import java.util.List;

import io.fullstackhelidon.security.AccessTokens;
import io.fullstackhelidon.users.CurrentUser;
import io.fullstackhelidon.users.User;
import io.fullstackhelidon.users.UserPublic;
import io.fullstackhelidon.users.UserService;
import io.fullstackhelidon.web.ApiException;
import io.fullstackhelidon.web.ApiService;
import io.fullstackhelidon.web.Endpoint;
import io.fullstackhelidon.web.Json;
import io.fullstackhelidon.web.validation.FormFields;
import io.fullstackhelidon.web.validation.Validation;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** OAuth2 password login and the token check, as the template's {@code login} routes. */
public final class LoginApi implements ApiService {

    private final UserService users;
    private final AccessTokens tokens;
    private final CurrentUser currentUser;
    private final Json json;

    public LoginApi(UserService users, AccessTokens tokens, CurrentUser currentUser, Json json) {
        this.users = users;
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.json = json;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/login/access-token", this::accessToken),
                Endpoint.post("/login/test-token", this::testToken));
    }

    /** The OAuth2 password grant; {@code username} holds the e-mail address, compared exactly. */
    private void accessToken(ServerRequest request, ServerResponse response) {
        Validation input = new Validation();
        FormFields form = FormFields.read(request, input);
        form.optionalExactly("grant_type", "password");
        String username = form.required("username");
        String password = form.required("password");
        input.throwIfInvalid();
        User user = users.authenticate(username, password)
                .orElseThrow(() -> ApiException.badRequest("Incorrect email or password"));
        if (!user.isActive()) {
            throw ApiException.badRequest("Inactive user");
        }
        json.send(response, Token.bearer(tokens.issue(user.id())));
    }

    private void testToken(ServerRequest request, ServerResponse response) {
        json.send(response, UserPublic.of(currentUser.require(request)));
    }
}
