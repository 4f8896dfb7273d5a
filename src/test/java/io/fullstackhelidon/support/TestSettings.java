package io.fullstackhelidon.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.fullstackhelidon.infra.config.AppConfig;
import io.fullstackhelidon.infra.config.RedisSettings;
import io.fullstackhelidon.infra.config.Settings;

import io.helidon.config.Config;

/**
 * Settings of a service under test: development mode (the private route exists, as in the template's test run), a
 * fresh database, and the template's test accounts. Passwords are hashed with argon2id at the lowest cost argon2
 * allows, so that the many logins of the suite take microseconds; the tests about hashing, its timing and its
 * bounds use {@link #PRODUCTION_HASHING}.
 */
public final class TestSettings {

    public static final String SECRET_KEY = "test-secret-key-for-the-suite-only";
    public static final String SUPERUSER_EMAIL = "admin@example.com";
    public static final String SUPERUSER_PASSWORD = "superuser-password-1";
    public static final String TEST_USER_EMAIL = "test@example.com";
    public static final String FRONTEND_HOST = "http://localhost:5173";

    /** The values a service cannot start without, and nothing else. */
    private static final Map<String, String> REQUIRED = Map.of("app.project-name", "p",
                                                               "security.secret-key", SECRET_KEY,
                                                               "first-superuser.email", SUPERUSER_EMAIL,
                                                               "first-superuser.password", SUPERUSER_PASSWORD);

    /** The argon2id cost of production, read from {@code application.yaml}, as configuration keys. */
    public static final Map<String, String> PRODUCTION_HASHING = productionHashing();

    private TestSettings() {
    }

    /** Settings on a fresh database, with {@code overrides} (configuration keys) applied last. */
    public static Settings fresh(Map<String, String> overrides) {
        return Settings.from(freshConfig(overrides));
    }

    /** The whole configuration (server keys included) on a fresh database, with {@code overrides} applied last. */
    public static Config freshConfig(Map<String, String> overrides) {
        Map<String, String> entries = new HashMap<>(entries(TestDatabases.freshUrl()));
        entries.putAll(overrides);
        return AppConfig.of(entries, Map.of());
    }

    public static Settings fresh() {
        return fresh(Map.of());
    }

    private static Map<String, String> productionHashing() {
        Settings.PasswordHashSettings production = productionPasswordHash();
        return Map.of("security.password-hash.memory-kib", Integer.toString(production.memoryKib()),
                      "security.password-hash.iterations", Integer.toString(production.iterations()),
                      "security.password-hash.parallelism", Integer.toString(production.parallelism()));
    }

    /** The argon2id cost of production ({@code application.yaml}), for the tests about hashing itself. */
    public static Settings.PasswordHashSettings productionPasswordHash() {
        return defaults(Map.of()).security().passwordHash();
    }

    /** The Redis settings of {@code application.yaml}, with this key prefix. */
    public static RedisSettings redis(String prefix) {
        return defaults(Map.of("redis.prefix", prefix)).redis();
    }

    /** The settings a service would read from these environment variables (and the required values). */
    public static Settings fromEnvironment(Map<String, String> variables) {
        return Settings.from(AppConfig.of(REQUIRED, variables));
    }

    /** The defaults of {@code application.yaml} with the required values set and {@code overrides} applied. */
    private static Settings defaults(Map<String, String> overrides) {
        Map<String, String> entries = new HashMap<>(REQUIRED);
        entries.putAll(overrides);
        return Settings.from(AppConfig.of(entries, Map.of()));
    }

    /**
     * Rate limits far above what any test sends (the rate-limit tests set their own), kept in the Redis of
     * {@code TEST_REDIS_URL} when it is set.
     */
    static Map<String, String> entries(String databaseUrl) {
        Map<String, String> entries = new HashMap<>(Map.of(
                "app.project-name", "Full Stack Helidon Test",
                "app.environment", "development",
                "app.frontend-host", FRONTEND_HOST,
                "security.secret-key", SECRET_KEY,
                "first-superuser.email", SUPERUSER_EMAIL,
                "first-superuser.password", SUPERUSER_PASSWORD,
                "database.url", databaseUrl,
                "database.connect-wait-seconds", "5",
                // a test server stops at once; the grace period itself is tested on a real process
                "server.shutdown-grace-period", "PT0.5S"));
        entries.put("security.password-hash.memory-kib", "8");
        entries.put("security.password-hash.iterations", "1");
        entries.put("security.password-hash.parallelism", "1");
        // jobs are picked up and retried within a test's patience
        entries.put("jobs.polling-interval-millis", "100");
        entries.put("jobs.first-retry-delay-millis", "200");
        entries.put("jobs.max-retries", "2");
        for (String rule : new String[] {"all", "login", "signup", "recovery", "reset", "failedlogins"}) {
            entries.put("ratelimit." + rule + ".requests", "1000000");
        }
        String redis = System.getenv("TEST_REDIS_URL");
        if (redis != null && !redis.isBlank()) {
            // every test server keeps its buckets in Redis, under keys of its own
            entries.put("redis.url", redis);
            entries.put("redis.prefix", "fsh-test-" + UUID.randomUUID() + ":");
        }
        return entries;
    }
}
