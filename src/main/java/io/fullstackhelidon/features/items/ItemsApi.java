package io.fullstackhelidon.features.items;

import java.util.List;
import java.util.UUID;

import io.fullstackhelidon.contract.Endpoint;
import io.fullstackhelidon.contract.FeatureApi;
import io.fullstackhelidon.contract.Message;
import io.fullstackhelidon.contract.Parameter;
import io.fullstackhelidon.features.users.CurrentUser;

/** {@code /items/...}: the endpoints, declared in the template's order, each answered by {@link ItemService}. */
public final class ItemsApi implements FeatureApi {

    private static final Parameter<UUID> ID = Parameter.pathUuid("id");
    private static final Parameter<Long> SKIP = Parameter.queryCount("skip", 0);
    private static final Parameter<Long> LIMIT = Parameter.queryCount("limit", 100);

    private final ItemService items;
    private final CurrentUser currentUser;

    public ItemsApi(ItemService items, CurrentUser currentUser) {
        this.items = items;
        this.currentUser = currentUser;
    }

    @Override
    public List<Endpoint<?, ?>> endpoints() {
        return List.of(
                Endpoint.get("/items/").guard(currentUser.active()).with(SKIP).with(LIMIT)
                        .handle((caller, in) -> items.page(caller, in.get(SKIP), in.get(LIMIT))),
                Endpoint.get("/items/{id}").guard(currentUser.active()).with(ID).tagged()
                        .handle((caller, in) -> ItemPublic.of(items.read(caller, in.get(ID)))),
                Endpoint.post("/items/").guard(currentUser.active()).body(NewItem.SCHEMA)
                        .idempotent(CurrentUser.KEYS_OF_THE_CALLER)
                        .handle((caller, in) -> ItemPublic.of(items.create(caller, in.body()))),
                Endpoint.put("/items/{id}").guard(currentUser.active()).with(ID).body(ItemChanges.SCHEMA)
                        .tagged().conditional()
                        .handle((caller, in) -> ItemPublic.of(
                                items.update(caller, in.get(ID), in.body(), in.precondition()))),
                Endpoint.delete("/items/{id}").guard(currentUser.active()).with(ID).conditional()
                        .handle((caller, in) -> {
                            items.delete(caller, in.get(ID), in.precondition());
                            return new Message("Item deleted successfully");
                        }));
    }
}
