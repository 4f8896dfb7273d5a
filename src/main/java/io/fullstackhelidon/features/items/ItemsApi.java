package io.fullstackhelidon.features.items;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.contract.Endpoint;
import io.fullstackhelidon.contract.FeatureApi;
import io.fullstackhelidon.contract.JsonWithHeaders;
import io.fullstackhelidon.contract.Message;
import io.fullstackhelidon.contract.Parameter;
import io.fullstackhelidon.features.users.CurrentUser;

/** {@code /items/...}: the endpoints, declared in the template's order, each answered by {@link ItemService}. */
public final class ItemsApi implements FeatureApi {

    private static final Parameter<UUID> ID = Parameter.pathUuid("id");
    private static final Parameter<Long> SKIP = Parameter.queryCount("skip", 0);
    private static final Parameter<Long> LIMIT = Parameter.queryCount("limit", 100);
    /** Keyset paging, beyond the template: present (empty for the first page), {@code skip} counts from it. */
    private static final Parameter<Optional<String>> CURSOR = Parameter.queryOptionalText(
            "cursor", ItemCursor::isValid, "Invalid cursor");
    /** Where the page after a cursor's page starts; absent after the last. */
    static final String NEXT_CURSOR = "Next-Cursor";

    private final ItemService items;
    private final CurrentUser currentUser;

    public ItemsApi(ItemService items, CurrentUser currentUser) {
        this.items = items;
        this.currentUser = currentUser;
    }

    @Override
    public List<Endpoint<?, ?>> endpoints() {
        return List.of(
                Endpoint.get("/items/").guard(currentUser.active()).with(SKIP).with(LIMIT).with(CURSOR)
                        .handle((caller, in) -> in.get(CURSOR).isEmpty()
                                                ? items.page(caller, in.get(SKIP), in.get(LIMIT))
                                                : byCursor(items.pageAfter(caller, in.get(CURSOR).get(), in.get(SKIP),
                                                                           in.get(LIMIT)))),
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

    private static JsonWithHeaders byCursor(CursorPage page) {
        return new JsonWithHeaders(page.page(), page.next().map(next -> Map.of(NEXT_CURSOR, next)).orElse(Map.of()));
    }
}
