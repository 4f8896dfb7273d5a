package io.fullstackhelidon.support;

import java.time.Clock;

import io.fullstackhelidon.App;
import io.fullstackhelidon.mail.DisabledMailer;
import io.fullstackhelidon.observability.AppMetrics;
import io.fullstackhelidon.observability.OwnedMeters;
import io.fullstackhelidon.users.UserCache;
import io.fullstackhelidon.users.UserService;

import io.helidon.metrics.api.Metrics;

/**
 * The users' rules on a running application's database, as the admin commands use them (no cache, no e-mail): how
 * the tests set up accounts and read what an endpoint stored. Writes here that change cached columns are not seen by
 * the running application's user cache; the fixture only creates users and sets passwords, which it never caches.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static UserService of(App app) {
        return App.userService(app.settings(), app.database(), UserCache.none(), new DisabledMailer(),
                               new AppMetrics(new OwnedMeters(Metrics.globalRegistry())), Clock.systemUTC());
    }
}
