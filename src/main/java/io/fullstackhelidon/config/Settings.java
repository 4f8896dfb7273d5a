package io.fullstackhelidon.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * The typed settings of the service, read once at start-up.
 *
 * @param projectName    shown in e-mails and the OpenAPI title ({@code PROJECT_NAME})
 * @param development    {@code FASTAPI_ENV=development}: enables the private route, secret check only warns
 * @param apiPrefix      prefix of every API path ({@code API_V1_STR})
 * @param frontendHost   the frontend's origin, the only CORS origin by default ({@code FRONTEND_HOST})
 * @param corsOrigins    every origin allowed by CORS: the frontend host plus configured extras
 * @param security       token and password-hash settings
 * @param firstSuperuser the account created at start-up when missing
 * @param database       where the data lives
 * @param mail           SMTP delivery
 * @param operations     logging, error tracking, shutdown and health timing
 * @param rateLimits     rate limits and where their counters live
 * @param http           response headers and the management port
 */
public record Settings(String projectName,
                       boolean development,
                       String apiPrefix,
                       String frontendHost,
                       List<String> corsOrigins,
                       SecuritySettings security,
                       FirstSuperuser firstSuperuser,
                       DatabaseSettings database,
                       MailSettings mail,
                       JobSettings jobs,
                       OperationsSettings operations,
                       RateLimitSettings rateLimits,
                       RedisSettings redis,
                       CacheSettings cache,
                       HttpSettings http) {

    public Settings {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(apiPrefix, "apiPrefix");
        Objects.requireNonNull(frontendHost, "frontendHost");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(firstSuperuser, "firstSuperuser");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(http, "http");
    }

    /**
     * Token and password-hash settings.
     *
     * @param secretKey           HS256 key that signs access and reset tokens ({@code SECRET_KEY})
     * @param previousSecretKeys  keys that still verify tokens after a rotation ({@code PREVIOUS_SECRET_KEYS})
     * @param accessTokenLifetime lifetime of an access token ({@code ACCESS_TOKEN_EXPIRE_MINUTES})
     * @param resetTokenLifetime  lifetime of a password-reset token ({@code EMAIL_RESET_TOKEN_EXPIRE_HOURS})
     * @param passwordHash        argon2id cost of new password hashes
     */
    public record SecuritySettings(String secretKey,
                                   List<String> previousSecretKeys,
                                   Duration accessTokenLifetime,
                                   Duration resetTokenLifetime,
                                   PasswordHashSettings passwordHash) {

        public SecuritySettings {
            Objects.requireNonNull(secretKey, "secretKey");
            previousSecretKeys = List.copyOf(previousSecretKeys);
            Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
            Objects.requireNonNull(resetTokenLifetime, "resetTokenLifetime");
            Objects.requireNonNull(passwordHash, "passwordHash");
        }

        @Override
        public String toString() {
            return "SecuritySettings[secretKey=***, previousSecretKeys=" + previousSecretKeys.size()
                   + ", accessTokenLifetime=" + accessTokenLifetime
                   + ", resetTokenLifetime=" + resetTokenLifetime + ", passwordHash=" + passwordHash + "]";
        }
    }

    /**
     * Argon2id parameters (the defaults are argon2-cffi's, which the template's hashes carry) and how many hashes may
     * run at once: each takes {@code memoryKib} of memory, so a login flood must queue instead of exhausting it.
     *
     * @param memoryKib     memory per hash in KiB
     * @param iterations    passes over memory
     * @param parallelism   lanes
     * @param maxConcurrent hashes computed at the same time
     * @param maxWait       how long a request waits for a free slot before it is answered 503
     */
    public record PasswordHashSettings(int memoryKib, int iterations, int parallelism, int maxConcurrent,
                                       Duration maxWait) {

        public PasswordHashSettings {
            if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new ConfigurationException("Invalid argon2 parameters: m=" + memoryKib + ", t=" + iterations
                                                 + ", p=" + parallelism);
            }
            if (maxConcurrent < 1) {
                throw new ConfigurationException("security.password-hash.max-concurrent must be at least 1");
            }
            Objects.requireNonNull(maxWait, "maxWait");
        }

        /** The template's cost, {@link #defaultConcurrency(int)} hashes at once, waiting up to 10 s. */
        public static PasswordHashSettings defaults() {
            return new PasswordHashSettings(65536, 3, 4, defaultConcurrency(4), Duration.ofSeconds(10));
        }

        /**
         * One hash already keeps {@code parallelism} cores busy (the lanes run on threads of their own), so more hashes
         * at once than cores / lanes only add memory, not throughput.
         */
        public static int defaultConcurrency(int parallelism) {
            return Math.max(1, Runtime.getRuntime().availableProcessors() / parallelism);
        }
    }

    /**
     * The bootstrap superuser ({@code FIRST_SUPERUSER}, {@code FIRST_SUPERUSER_PASSWORD}).
     *
     * @param email    its e-mail address
     * @param password its initial password
     */
    public record FirstSuperuser(String email, String password) {

        public FirstSuperuser {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "FirstSuperuser[" + email + ", password=***]";
        }
    }

    /** Reads the settings; fails with a message naming the variable to set when a required one is missing. */
    public static Settings from(Config config) {
        String frontendHost = text(config, "app.frontend-host").orElse("http://localhost:5173");
        List<String> origins = new ArrayList<>();
        origins.add(frontendHost);
        text(config, "app.cors-origins").ifPresent(extra -> origins.addAll(originList(extra)));
        String projectName = required(config, "app.project-name", "PROJECT_NAME");
        boolean development = text(config, "app.environment").map("development"::equalsIgnoreCase).orElse(false);
        return new Settings(
                projectName,
                development,
                text(config, "app.api-prefix").orElse("/api/v1"),
                frontendHost,
                origins.stream().distinct().toList(),
                new SecuritySettings(
                        required(config, "security.secret-key", "SECRET_KEY"),
                        text(config, "security.previous-secret-keys").map(Settings::list).orElse(List.of()),
                        Duration.ofMinutes(config.get("security.access-token-expire-minutes").asLong().orElse(11520L)),
                        Duration.ofHours(config.get("security.email-reset-token-expire-hours").asLong().orElse(48L)),
                        new PasswordHashSettings(
                                config.get("security.password-hash.memory-kib").asInt().orElse(65536),
                                config.get("security.password-hash.iterations").asInt().orElse(3),
                                config.get("security.password-hash.parallelism").asInt().orElse(4),
                                config.get("security.password-hash.max-concurrent").asInt()
                                        .orElse(PasswordHashSettings.defaultConcurrency(
                                                config.get("security.password-hash.parallelism").asInt().orElse(4))),
                                Duration.ofMillis(config.get("security.password-hash.max-wait-millis").asLong()
                                                          .orElse(10_000L)))),
                new FirstSuperuser(
                        required(config, "first-superuser.email", "FIRST_SUPERUSER"),
                        required(config, "first-superuser.password", "FIRST_SUPERUSER_PASSWORD")),
                database(config.get("database")),
                mail(config.get("mail"), projectName),
                new JobSettings(config.get("jobs.threads").asInt().orElse(4),
                                Duration.ofMillis(config.get("jobs.polling-interval-millis").asLong().orElse(5000L)),
                                config.get("jobs.max-retries").asInt().orElse(6),
                                Duration.ofMillis(config.get("jobs.first-retry-delay-millis").asLong()
                                                          .orElse(30_000L))),
                new OperationsSettings(
                        text(config, "log.format").map(format -> format.toLowerCase(Locale.ROOT))
                                .orElse(development ? "text" : "json"),
                        text(config, "sentry.dsn"),
                        Duration.ofSeconds(config.get("shutdown.drain.seconds").asLong().orElse(5L)),
                        Duration.ofSeconds(config.get("health.database.timeout.seconds").asLong().orElse(2L))),
                rateLimits(config),
                new RedisSettings(text(config, "redis.url"), text(config, "redis.prefix").orElse("fsh:")),
                new CacheSettings(Duration.ofSeconds(config.get("cache.users.ttl-seconds").asLong().orElse(30L)),
                                  config.get("cache.users.max-entries").asLong().orElse(10_000L)),
                new HttpSettings(flag(config.get("security"), "hsts", false),
                                 config.get("management.port").asInt().asOptional(),
                                 Duration.ofSeconds(config.get("http.body.timeout.seconds").asLong().orElse(20L))));
    }

    private static RateLimitSettings rateLimits(Config config) {
        Config limits = config.get("ratelimit");
        return new RateLimitSettings(
                flag(limits, "enabled", true),
                rule(limits, "all", 600, 60, false),
                rule(limits, "login", 10, 60, false),
                rule(limits, "signup", 5, 60, false),
                rule(limits, "recovery", 5, 300, false),
                rule(limits, "reset", 10, 300, false),
                rule(limits, "failedlogins", 5, 900, true),
                text(config, "proxy.trusted").map(Settings::list).orElse(List.of()));
    }

    private static RateLimitSettings.Rule rule(Config limits, String name, long requests, long seconds,
                                               boolean lockout) {
        return new RateLimitSettings.Rule(name, limits.get(name + ".requests").asLong().orElse(requests),
                                          Duration.ofSeconds(limits.get(name + ".seconds").asLong().orElse(seconds)),
                                          lockout);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static MailSettings mail(Config config, String projectName) {
        return new MailSettings(text(config, "host"),
                                config.get("port").asInt().orElse(587),
                                flag(config, "tls", true),
                                flag(config, "ssl", false),
                                text(config, "user"),
                                text(config, "password").orElse(""),
                                text(config, "from-email"),
                                text(config, "from-name").orElse(projectName),
                                Duration.ofSeconds(config.get("timeout-seconds").asLong().orElse(10L)));
    }

    /** A boolean as Python's settings read it: {@code True}, {@code false}, {@code 1}, {@code no}... */
    private static boolean flag(Config config, String key, boolean fallback) {
        return text(config, key).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> throw new ConfigurationException(config.key() + "." + key + " must be true or false, not "
                                                        + value);
        }).orElse(fallback);
    }

    private static DatabaseSettings database(Config config) {
        String username = text(config, "username").orElse("");
        String password = text(config, "password").orElse("");
        DatabaseUrl.Target target;
        Optional<String> url = text(config, "url");
        Optional<String> postgresServer = text(config, "postgres.server");
        if (url.isPresent()) {
            target = DatabaseUrl.parse(url.get(), username, password);
        } else if (postgresServer.isPresent()) {
            target = DatabaseUrl.fromParts(postgresServer.get(),
                                           text(config, "postgres.port").orElse("5432"),
                                           text(config, "postgres.user").orElse("postgres"),
                                           text(config, "postgres.password").orElse(""),
                                           text(config, "postgres.db").orElse("app"));
        } else {
            target = new DatabaseUrl.Target(
                    text(config, "embedded-url").orElseThrow(() -> new ConfigurationException(
                            "Set DATABASE_URL, or database.embedded-url for the embedded H2 database")),
                    username, password);
        }
        Map<String, String> pool = config.get("pool").detach().asMap().orElse(Map.of());
        Duration connectWait = Duration.ofSeconds(config.get("connect-wait-seconds").asLong().orElse(60L));
        return new DatabaseSettings(target.jdbcUrl(), target.username(), target.password(), pool, connectWait);
    }

    private static List<String> originList(String value) {
        String list = value.strip();
        if (list.startsWith("[") && list.endsWith("]")) {
            list = list.substring(1, list.length() - 1);
        }
        return Arrays.stream(list.split(","))
                .map(origin -> origin.strip().replaceAll("^\"|\"$", "").replaceAll("/$", ""))
                .filter(origin -> !origin.isEmpty())
                .toList();
    }

    private static String required(Config config, String key, String variable) {
        return text(config, key).orElseThrow(() -> new ConfigurationException(
                variable + " is required (environment variable " + variable + ", or " + key + " in app.yaml)"));
    }

    private static Optional<String> text(Config config, String key) {
        return config.get(key).asString().asOptional().map(String::strip).filter(value -> !value.isEmpty());
    }
}
