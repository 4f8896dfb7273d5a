package io.fullstackhelidon.features.items;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.contract.Precondition;
import io.fullstackhelidon.domain.NotFound;
import io.fullstackhelidon.domain.NotPermitted;
import io.fullstackhelidon.domain.PreconditionFailed;
import io.fullstackhelidon.features.users.User;
import io.fullstackhelidon.infra.db.GroupedWrites;
import io.fullstackhelidon.infra.observability.AppMetrics;

/** The rules about items: a superuser sees and changes every item, anyone else only their own. */
public final class ItemService {

    private final ItemRepository items;
    private final GroupedWrites<Item> inserts;
    private final Clock clock;
    private final AppMetrics metrics;

    /** {@code inserts} writes what {@link ItemRepository#insertAll} takes: creates that arrive together share it. */
    public ItemService(ItemRepository items, GroupedWrites<Item> inserts, Clock clock, AppMetrics metrics) {
        this.items = items;
        this.inserts = inserts;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The items {@code caller} may see, newest first, with their total. */
    public ItemsPublic page(User caller, long skip, long limit) {
        return ItemsPublic.of(items.findPage(visibleTo(caller), Optional.empty(), skip, limit));
    }

    /**
     * The page after {@code cursor} (from the start when it is empty), {@code skip} items further, and the cursor
     * after it, which is empty when the page is the last: fewer items than {@code limit}.
     */
    public CursorPage pageAfter(User caller, String cursor, long skip, long limit) {
        Optional<ItemCursor> after = cursor.isEmpty() ? Optional.empty() : Optional.of(ItemCursor.parse(cursor)
                .orElseThrow(() -> new IllegalArgumentException("Not a cursor: " + cursor)));
        ItemPage page = items.findPage(visibleTo(caller), after, skip, limit);
        Optional<String> next = page.items().isEmpty() || page.items().size() < limit
                                ? Optional.empty() : Optional.of(ItemCursor.after(page.items().getLast()).text());
        return new CursorPage(ItemsPublic.of(page), next);
    }

    /** Whose items {@code caller} may list: a superuser everyone's. */
    private static Optional<UUID> visibleTo(User caller) {
        return caller.isSuperuser() ? Optional.empty() : Optional.of(caller.id());
    }

    /** An item the caller may see: 404 when it does not exist, then 403 when it is someone else's. */
    public Item read(User caller, UUID id) {
        Item item = items.findById(id).orElseThrow(() -> new NotFound("Item not found"));
        if (!caller.isSuperuser() && !item.ownerId().equals(caller.id())) {
            throw new NotPermitted("Not enough permissions");
        }
        return item;
    }

    public Item create(User owner, NewItem item) {
        Item created = new Item(UUID.randomUUID(), item.title(), item.description(), owner.id(),
                                clock.instant().truncatedTo(ChronoUnit.MICROS));
        inserts.write(created);
        metrics.itemCreated();
        return created;
    }

    /**
     * Applies the present fields; the owner never changes. With an {@code If-Match}, only to the item as the client
     * last saw it: 412 when it changed before this read or before this write.
     */
    public Item update(User caller, UUID id, ItemChanges changes, Precondition precondition) {
        Item item = read(caller, id);
        precondition.check(ItemPublic.of(item));
        if (!items.update(item.id(), changes, precondition.active() ? item : null)) {
            throw new PreconditionFailed();
        }
        return new Item(item.id(), changes.title().orElse(item.title()), changes.description().orElse(
                item.description()), item.ownerId(), item.createdAt());
    }

    /** Deletes the item; with an {@code If-Match}, only as the client last saw it (else 412). */
    public void delete(User caller, UUID id, Precondition precondition) {
        Item item = read(caller, id);
        precondition.check(ItemPublic.of(item));
        if (!items.delete(item.id(), precondition.active() ? item : null)) {
            throw new PreconditionFailed();
        }
    }
}
