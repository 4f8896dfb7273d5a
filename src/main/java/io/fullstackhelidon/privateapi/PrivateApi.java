package io.fullstackhelidon.privateapi;

import java.util.List;

import io.fullstackhelidon.users.NewUser;
import io.fullstackhelidon.users.UserPublic;
import io.fullstackhelidon.users.UserService;
import io.fullstackhelidon.web.ApiService;
import io.fullstackhelidon.web.Endpoint;
import io.fullstackhelidon.web.Json;
import io.fullstackhelidon.web.validation.JsonBody;
import io.fullstackhelidon.web.validation.Validation;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /private/users/}: unauthenticated user creation for end-to-end test set-up. Registered only in
 * development ({@code FASTAPI_ENV=development}), as in the template.
 */
public final class PrivateApi implements ApiService {

    private final UserService users;
    private final Json json;

    public PrivateApi(UserService users, Json json) {
        this.users = users;
        this.json = json;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.post("/private/users/", this::createUser));
    }

    private void createUser(ServerRequest request, ServerResponse response) {
        JsonBody body = JsonBody.read(request, json);
        Validation input = new Validation();
        NewUser user = PrivateUserCreate.from(input.body(body));
        input.throwIfInvalid();
        json.send(response, UserPublic.of(users.register(user.email(), user.password(), user.fullName())));
    }
}
