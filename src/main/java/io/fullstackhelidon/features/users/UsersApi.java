package io.fullstackhelidon.features.users;

import java.util.List;
import java.util.UUID;

import io.fullstackhelidon.contract.Endpoint;
import io.fullstackhelidon.contract.FeatureApi;
import io.fullstackhelidon.contract.Message;
import io.fullstackhelidon.contract.Parameter;
import io.fullstackhelidon.infra.http.ClientAddress;

/** {@code /users/...}: the endpoints, declared in the template's order, each answered by {@link UserService}. */
public final class UsersApi implements FeatureApi {

    private static final Parameter<UUID> USER_ID = Parameter.pathUuid("user_id");
    private static final Parameter<Long> SKIP = Parameter.queryCount("skip", 0);
    private static final Parameter<Long> LIMIT = Parameter.queryCount("limit", 100);

    private final UserService users;
    private final CurrentUser currentUser;
    private final ClientAddress clients;

    /** {@code clients} tells sign-ups apart for their idempotency keys. */
    public UsersApi(UserService users, CurrentUser currentUser, ClientAddress clients) {
        this.clients = clients;
        this.users = users;
        this.currentUser = currentUser;
    }

    @Override
    public List<Endpoint<?, ?>> endpoints() {
        return List.of(
                Endpoint.get("/users/").guard(currentUser.superuser()).with(SKIP).with(LIMIT)
                        .handle((admin, in) -> new UsersPublic(
                                users.page(in.get(SKIP), in.get(LIMIT)).stream().map(UserPublic::of).toList(),
                                users.count())),
                Endpoint.post("/users/").guard(currentUser.superuser()).body(UserBodies.CREATE)
                        .idempotent(CurrentUser.KEYS_OF_THE_CALLER)
                        .handle((admin, in) -> UserPublic.of(users.create(in.body()))),
                Endpoint.patch("/users/me").guard(currentUser.active()).body(UserBodies.UPDATE_ME)
                        .tagged().conditional()
                        .handle((caller, in) -> UserPublic.of(
                                users.updateSelf(caller, in.body().fullName(), in.body().email(), in.precondition()))),
                Endpoint.patch("/users/me/password").guard(currentUser.activeSession()).body(UserBodies.UPDATE_PASSWORD)
                        .handle((session, in) -> {
                            users.changePassword(session, in.body().currentPassword(), in.body().newPassword());
                            return new Message("Password updated successfully");
                        }),
                Endpoint.get("/users/me").guard(currentUser.active()).tagged()
                        .handle((caller, in) -> UserPublic.of(caller)),
                Endpoint.delete("/users/me").guard(currentUser.active()).conditional()
                        .handle((caller, in) -> {
                            users.deleteSelf(caller, in.precondition());
                            return new Message("User deleted successfully");
                        }),
                Endpoint.post("/users/signup").body(UserBodies.REGISTER)
                        // before there is a user, the keys are the client address's
                        .idempotent((nobody, request) -> "client:" + clients.of(request))
                        .handle((nobody, in) -> UserPublic.of(
                                users.register(in.body().email(), in.body().password(), in.body().fullName()))),
                Endpoint.get("/users/{user_id}").guard(currentUser.active()).with(USER_ID).tagged()
                        .handle((caller, in) -> UserPublic.of(users.readById(caller, in.get(USER_ID)))),
                Endpoint.patch("/users/{user_id}").guard(currentUser.superuserSession()).with(USER_ID)
                        .body(UserBodies.UPDATE).tagged().conditional()
                        .handle((admin, in) -> UserPublic.of(
                                users.update(admin, in.get(USER_ID), in.body().changes(), in.body().password(),
                                             in.precondition()))),
                Endpoint.delete("/users/{user_id}").guard(currentUser.superuser()).with(USER_ID).conditional()
                        .handle((admin, in) -> {
                            users.delete(admin, in.get(USER_ID), in.precondition());
                            return new Message("User deleted successfully");
                        }));
    }
}
