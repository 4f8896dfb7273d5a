package io.fullstackhelidon.features.items;

import java.util.List;

/**
 * A page of items and how many items the caller can see in all.
 *
 * @param data  the page, newest first
 * @param count every item visible to the caller, ignoring paging
 */
public record ItemsPublic(List<ItemPublic> data, long count) {

    public ItemsPublic {
        data = List.copyOf(data);
    }

    static ItemsPublic of(ItemPage page) {
        return new ItemsPublic(page.items().stream().map(ItemPublic::of).toList(), page.total());
    }
}
