package io.fullstackhelidon.infra.observability;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Tag;

/** The business counters: logins by outcome, sign-ups, items created, e-mails by outcome. */
public final class AppMetrics {

    private final OwnedMeters meters;
    private final Counter loginsSucceeded;
    private final Counter loginsFailed;
    private final Counter signups;
    private final Counter itemsCreated;

    public AppMetrics(OwnedMeters meters) {
        this.meters = meters;
        this.loginsSucceeded = counter("app.logins", "Login attempts", Tag.create("outcome", "success"));
        this.loginsFailed = counter("app.logins", "Login attempts", Tag.create("outcome", "failure"));
        this.signups = counter("app.signups", "Self sign-ups");
        this.itemsCreated = counter("app.items.created", "Items created");
    }

    public void loginSucceeded() {
        loginsSucceeded.increment();
    }

    public void loginFailed() {
        loginsFailed.increment();
    }

    public void signedUp() {
        signups.increment();
    }

    public void itemCreated() {
        itemsCreated.increment();
    }

    /** Publishes the e-mail job's counts: delivered, failed attempts to be retried, and given up. */
    public void trackEmails(LongSupplier sent, LongSupplier retried, LongSupplier failed) {
        emails("sent", sent);
        emails("retry", retried);
        emails("failed", failed);
    }

    /** Publishes the user cache's hits and misses (a miss reads the database). */
    public void trackUserCache(LongSupplier hits, LongSupplier misses) {
        cacheLookups("app.cache.users", "Current-user lookups, by cache outcome", hits, misses);
    }

    /** Lookups of verified access tokens: hits skip the token's verification. */
    public void trackTokenCache(LongSupplier hits, LongSupplier misses) {
        cacheLookups("app.cache.tokens", "Access-token verifications, by cache outcome", hits, misses);
    }

    /**
     * Argon2 computations (hashes and verifications, an unknown account's stand-in included): each takes 64 MiB and
     * most of a core for a while, so their rate is the login capacity in use.
     */
    public void trackPasswordHashing(LongSupplier computations) {
        meters.register(FunctionalCounter.builder("security.password.argon2", computations, LongSupplier::getAsLong)
                                     .description("Argon2 computations: password hashes and verifications"),
                        computations);
    }

    /**
     * Item inserts written together ({@code GroupedWrites}): the batches and the items they held, whose ratio is how
     * many creates shared one statement and one commit.
     */
    public void trackItemInserts(LongSupplier batches, LongSupplier items) {
        meters.register(FunctionalCounter.builder("app.items.insert.statements", batches, LongSupplier::getAsLong)
                                     .description("Statements that inserted items, one or more each"), batches);
        meters.register(FunctionalCounter.builder("app.items.inserted", items, LongSupplier::getAsLong)
                                     .description("Items inserted by those statements"), items);
    }

    /** Connections closed because their request head did not arrive in time (slow-header clients). */
    public void trackSlowHeadClosures(LongSupplier closed) {
        meters.register(FunctionalCounter.builder("http.slow.head.closed", closed, LongSupplier::getAsLong)
                                     .description("Connections closed for not sending a request head in time"),
                        closed);
    }

    private void cacheLookups(String name, String description, LongSupplier hits, LongSupplier misses) {
        for (var outcome : List.of(Map.entry("hit", hits), Map.entry("miss", misses))) {
            meters.register(FunctionalCounter.builder(name, outcome.getValue(), LongSupplier::getAsLong)
                                         .tags(List.of(Tag.create("outcome", outcome.getKey())))
                                         .description(description), outcome.getValue());
        }
    }

    private void emails(String outcome, LongSupplier count) {
        meters.register(FunctionalCounter.builder("app.emails", count, LongSupplier::getAsLong)
                                     .tags(List.of(Tag.create("outcome", outcome)))
                                     .description("E-mail delivery attempts, by outcome (failed: given up after the last retry)"),
                        count);
    }

    private Counter counter(String name, String description, Tag... tags) {
        return meters.registry().getOrCreate(Counter.builder(name).tags(List.of(tags)).description(description));
    }
}
