package io.fullstackhelidon.users;

import java.util.List;
import java.util.UUID;

import io.fullstackhelidon.web.ApiService;
import io.fullstackhelidon.web.Endpoint;
import io.fullstackhelidon.web.Json;
import io.fullstackhelidon.web.Message;
import io.fullstackhelidon.web.validation.JsonBody;
import io.fullstackhelidon.web.validation.Validation;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /users/...}: parse, call {@link UserService}, answer. Routes in the template's order. */
public final class UsersApi implements ApiService {

    private final UserService users;
    private final CurrentUser currentUser;
    private final Json json;

    public UsersApi(UserService users, CurrentUser currentUser, Json json) {
        this.users = users;
        this.currentUser = currentUser;
        this.json = json;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/users/", this::readUsers),
                Endpoint.post("/users/", this::createUser),
                Endpoint.patch("/users/me", this::updateMe),
                Endpoint.patch("/users/me/password", this::updatePasswordMe),
                Endpoint.get("/users/me", this::readMe),
                Endpoint.delete("/users/me", this::deleteMe),
                Endpoint.post("/users/signup", this::register),
                Endpoint.get("/users/{user_id}", this::readById),
                Endpoint.patch("/users/{user_id}", this::update),
                Endpoint.delete("/users/{user_id}", this::delete));
    }

    private void readUsers(ServerRequest request, ServerResponse response) {
        currentUser.requireSuperuser(request);
        Validation input = new Validation();
        long skip = input.queryCount(request, "skip", 0);
        long limit = input.queryCount(request, "limit", 100);
        input.throwIfInvalid();
        List<UserPublic> page = users.page(skip, limit).stream().map(UserPublic::of).toList();
        json.send(response, new UsersPublic(page, users.count()));
    }

    private void createUser(ServerRequest request, ServerResponse response) {
        JsonBody body = JsonBody.read(request, json);
        currentUser.requireSuperuser(request);
        Validation input = new Validation();
        NewUser user = UserCreate.from(input.body(body));
        input.throwIfInvalid();
        json.send(response, UserPublic.of(users.create(user)));
    }

    private void updateMe(ServerRequest request, ServerResponse response) {
        JsonBody body = JsonBody.read(request, json);
        User caller = currentUser.require(request);
        Validation input = new Validation();
        UserUpdateMe update = UserUpdateMe.from(input.body(body));
        input.throwIfInvalid();
        json.send(response, UserPublic.of(users.updateSelf(caller, update.fullName(), update.email())));
    }

    private void updatePasswordMe(ServerRequest request, ServerResponse response) {
        JsonBody body = JsonBody.read(request, json);
        User caller = currentUser.require(request);
        Validation input = new Validation();
        UpdatePassword passwords = UpdatePassword.from(input.body(body));
        input.throwIfInvalid();
        users.changePassword(caller, passwords.currentPassword(), passwords.newPassword());
        json.send(response, new Message("Password updated successfully"));
    }

    private void readMe(ServerRequest request, ServerResponse response) {
        json.send(response, UserPublic.of(currentUser.require(request)));
    }

    private void deleteMe(ServerRequest request, ServerResponse response) {
        users.deleteSelf(currentUser.require(request));
        json.send(response, new Message("User deleted successfully"));
    }

    private void register(ServerRequest request, ServerResponse response) {
        JsonBody body = JsonBody.read(request, json);
        Validation input = new Validation();
        UserRegister registration = UserRegister.from(input.body(body));
        input.throwIfInvalid();
        User user = users.register(registration.email(), registration.password(), registration.fullName());
        json.send(response, UserPublic.of(user));
    }

    private void readById(ServerRequest request, ServerResponse response) {
        User caller = currentUser.require(request);
        Validation input = new Validation();
        UUID userId = input.pathUuid(request, "user_id");
        input.throwIfInvalid();
        json.send(response, UserPublic.of(users.readById(caller, userId)));
    }

    private void update(ServerRequest request, ServerResponse response) {
        JsonBody body = JsonBody.read(request, json);
        currentUser.requireSuperuser(request);
        Validation input = new Validation();
        UUID userId = input.pathUuid(request, "user_id");
        UserUpdate update = UserUpdate.from(input.body(body));
        input.throwIfInvalid();
        json.send(response, UserPublic.of(users.update(userId, update.changes(), update.password())));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        User caller = currentUser.requireSuperuser(request);
        Validation input = new Validation();
        UUID userId = input.pathUuid(request, "user_id");
        input.throwIfInvalid();
        users.delete(caller, userId);
        json.send(response, new Message("User deleted successfully"));
    }
}
