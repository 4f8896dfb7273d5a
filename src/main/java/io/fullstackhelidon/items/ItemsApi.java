package io.fullstackhelidon.items;

import java.util.List;
import java.util.UUID;

import io.fullstackhelidon.users.CurrentUser;
import io.fullstackhelidon.users.User;
import io.fullstackhelidon.web.ApiService;
import io.fullstackhelidon.web.Endpoint;
import io.fullstackhelidon.web.Json;
import io.fullstackhelidon.web.Message;
import io.fullstackhelidon.web.validation.JsonBody;
import io.fullstackhelidon.web.validation.Validation;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /items/...}: parse, call {@link ItemService}, answer. Routes in the template's order. */
public final class ItemsApi implements ApiService {

    private final ItemService items;
    private final CurrentUser currentUser;
    private final Json json;

    public ItemsApi(ItemService items, CurrentUser currentUser, Json json) {
        this.items = items;
        this.currentUser = currentUser;
        this.json = json;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/items/", this::readItems),
                Endpoint.get("/items/{id}", this::readItem),
                Endpoint.post("/items/", this::createItem),
                Endpoint.put("/items/{id}", this::updateItem),
                Endpoint.delete("/items/{id}", this::deleteItem));
    }

    private void readItems(ServerRequest request, ServerResponse response) {
        User caller = currentUser.require(request);
        Validation input = new Validation();
        long skip = input.queryCount(request, "skip", 0);
        long limit = input.queryCount(request, "limit", 100);
        input.throwIfInvalid();
        json.send(response, items.page(caller, skip, limit));
    }

    private void readItem(ServerRequest request, ServerResponse response) {
        User caller = currentUser.require(request);
        Validation input = new Validation();
        UUID id = input.pathUuid(request, "id");
        input.throwIfInvalid();
        json.send(response, ItemPublic.of(items.read(caller, id)));
    }

    private void createItem(ServerRequest request, ServerResponse response) {
        JsonBody body = JsonBody.read(request, json);
        User caller = currentUser.require(request);
        Validation input = new Validation();
        NewItem item = NewItem.from(input.body(body));
        input.throwIfInvalid();
        json.send(response, ItemPublic.of(items.create(caller, item)));
    }

    private void updateItem(ServerRequest request, ServerResponse response) {
        JsonBody body = JsonBody.read(request, json);
        User caller = currentUser.require(request);
        Validation input = new Validation();
        UUID id = input.pathUuid(request, "id");
        ItemChanges changes = ItemChanges.from(input.body(body));
        input.throwIfInvalid();
        json.send(response, ItemPublic.of(items.update(caller, id, changes)));
    }

    private void deleteItem(ServerRequest request, ServerResponse response) {
        User caller = currentUser.require(request);
        Validation input = new Validation();
        UUID id = input.pathUuid(request, "id");
        input.throwIfInvalid();
        items.delete(caller, id);
        json.send(response, new Message("Item deleted successfully"));
    }
}
