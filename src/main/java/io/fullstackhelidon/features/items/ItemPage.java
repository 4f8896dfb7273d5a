package io.fullstackhelidon.features.items;

import java.util.List;

/**
 * A page of stored items.
 *
 * @param items the page, newest first
 * @param total every item matching, ignoring paging
 */
public record ItemPage(List<Item> items, long total) {

    public ItemPage {
        items = List.copyOf(items);
    }
}
