package io.fullstackhelidon.features.users;

import java.util.List;

/**
 * A page of users and the total number of users.
 *
 * @param data  the page, newest first
 * @param count all users, ignoring paging
 */
public record UsersPublic(List<UserPublic> data, long count) {

    public UsersPublic {
        data = List.copyOf(data);
    }
}
