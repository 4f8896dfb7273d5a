package io.fullstackhelidon.infra.config;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.config.ConfigMappingException;

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
 * @param frontend       the built frontend served beside the API
 * @param refreshTokens  the lifetimes and bound of refresh tokens
 * @param idempotency    how long idempotency keys are kept
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
                       HttpSettings http,
                       FrontendSettings frontend,
                       RefreshTokenSettings refreshTokens,
                       IdempotencySettings idempotency) {

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
        Objects.requireNonNull(frontend, "frontend");
        Objects.requireNonNull(refreshTokens, "refreshTokens");
        Objects.requireNonNull(idempotency, "idempotency");
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

        /**
         * The default of {@code max-concurrent} for this process: {@link #concurrencyFor} its processors and the memory
         * it may have (the container's limit where there is one, as the JDK reports it, else the machine's).
         */
        public static int defaultConcurrency(int memoryKib) {
            long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
            return concurrencyFor(Runtime.getRuntime().availableProcessors(), memory, memoryKib);
        }

        /**
         * One hash keeps one core busy (its lanes run on the calling thread), so more hashes at once than cores only
         * add memory; and each keeps its {@code memoryKib} for the next, so no more of them than a quarter of
         * {@code memoryBytes} holds: a 512 MiB pod keeps at most two 64 MiB matrices, however many cores its node has.
         */
        static int concurrencyFor(int processors, long memoryBytes, int memoryKib) {
            long byMemory = memoryBytes / 4 / (memoryKib * 1024L);
            return (int) Math.max(1, Math.min(processors, byMemory));
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

    /**
     * Reads the settings. Every default is in {@code application.yaml}, so a key missing here is a defect of that file;
     * a required value nobody set fails with a message naming the variable to set.
     */
    public static Settings from(Config config) {
        String frontendHost = string(config, "app.frontend-host");
        List<String> origins = new ArrayList<>();
        origins.add(frontendHost);
        text(config, "app.cors-origins").ifPresent(extra -> origins.addAll(originList(extra)));
        String projectName = required(config, "app.project-name", "PROJECT_NAME");
        boolean development = string(config, "app.environment").equalsIgnoreCase("development");
        int parallelism = integer(config, "security.password-hash.parallelism");
        int memoryKib = integer(config, "security.password-hash.memory-kib");
        return new Settings(
                projectName,
                development,
                string(config, "app.api-prefix"),
                frontendHost,
                origins.stream().distinct().toList(),
                new SecuritySettings(
                        required(config, "security.secret-key", "SECRET_KEY"),
                        text(config, "security.previous-secret-keys").map(Settings::list).orElse(List.of()),
                        Duration.ofMinutes(number(config, "security.access-token-expire-minutes")),
                        Duration.ofHours(number(config, "security.email-reset-token-expire-hours")),
                        new PasswordHashSettings(
                                memoryKib,
                                integer(config, "security.password-hash.iterations"),
                                parallelism,
                                config.get("security.password-hash.max-concurrent").asInt().asOptional()
                                        .orElseGet(() -> PasswordHashSettings.defaultConcurrency(memoryKib)),
                                Duration.ofMillis(number(config, "security.password-hash.max-wait-millis")))),
                new FirstSuperuser(
                        required(config, "first-superuser.email", "FIRST_SUPERUSER"),
                        required(config, "first-superuser.password", "FIRST_SUPERUSER_PASSWORD")),
                database(config.get("database")),
                mail(config.get("mail")),
                new JobSettings(integer(config, "jobs.threads"),
                                Duration.ofMillis(number(config, "jobs.polling-interval-millis")),
                                integer(config, "jobs.max-retries"),
                                Duration.ofMillis(number(config, "jobs.first-retry-delay-millis"))),
                new OperationsSettings(
                        text(config, "log.format")
                                .orElseGet(() -> string(config, development ? "log.development-format"
                                                                            : "log.production-format"))
                                .toLowerCase(Locale.ROOT),
                        text(config, "sentry.dsn"),
                        Duration.ofSeconds(number(config, "shutdown.drain.seconds")),
                        Duration.ofSeconds(number(config, "health.database.timeout.seconds")),
                        duration(config, "metrics.virtual-threads.pinned.threshold")),
                rateLimits(config),
                new RedisSettings(text(config, "redis.url"), string(config, "redis.prefix"),
                                  Duration.ofMillis(number(config, "redis.timeout-millis")),
                                  integer(config, "redis.breaker.volume"), integer(config, "redis.breaker.error-ratio"),
                                  Duration.ofSeconds(number(config, "redis.breaker.delay-seconds"))),
                new CacheSettings(Duration.ofSeconds(number(config, "cache.users.ttl-seconds")),
                                  number(config, "cache.users.max-entries"),
                                  number(config, "cache.tokens.max-entries")),
                new HttpSettings(flag(config, "security.hsts"),
                                 config.get("management.port").asInt().asOptional(),
                                 Duration.ofSeconds(number(config, "http.body.timeout.seconds")),
                                 Duration.ofMillis(number(config, "http.head.timeout-millis")),
                                 new HttpSettings.LargeBodies(
                                         number(config, "http.large-body.threshold-bytes"),
                                         integer(config, "http.large-body.max-concurrent"),
                                         number(config, "http.large-body.bytes-per-second"),
                                         Duration.ofMillis(number(config, "http.large-body.max-wait-millis")))),
                new FrontendSettings(text(config, "frontend.dir").map(dir -> Path.of(dir).toAbsolutePath().normalize())),
                new RefreshTokenSettings(duration(config, "refresh.idle"), duration(config, "refresh.absolute"),
                                         integer(config, "refresh.families"), duration(config, "refresh.leeway")),
                new IdempotencySettings(duration(config, "idempotency.ttl"), duration(config, "idempotency.abandoned")));
    }

    private static RateLimitSettings rateLimits(Config config) {
        Config limits = config.get("ratelimit");
        return new RateLimitSettings(
                flag(limits, "enabled"),
                rule(limits, "all", false),
                rule(limits, "login", false),
                rule(limits, "signup", false),
                rule(limits, "recovery", false),
                rule(limits, "reset", false),
                rule(limits, "failedlogins", true),
                text(config, "proxy.trusted").map(Settings::list).orElse(List.of()));
    }

    private static RateLimitSettings.Rule rule(Config limits, String name, boolean lockout) {
        return new RateLimitSettings.Rule(name, number(limits, name + ".requests"),
                                          Duration.ofSeconds(number(limits, name + ".seconds")), lockout);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static MailSettings mail(Config config) {
        return new MailSettings(text(config, "host"),
                                integer(config, "port"),
                                flag(config, "tls"),
                                flag(config, "ssl"),
                                text(config, "user"),
                                string(config, "password"),
                                text(config, "from-email"),
                                string(config, "from-name"),
                                Duration.ofSeconds(number(config, "timeout-seconds")));
    }

    /** A boolean as Python's settings read it: {@code True}, {@code false}, {@code 1}, {@code no}... */
    private static boolean flag(Config config, String key) {
        String value = string(config, key);
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> throw new ConfigurationException(name(config, key) + " must be true or false, not " + value);
        };
    }

    private static DatabaseSettings database(Config config) {
        String username = string(config, "username");
        String password = string(config, "password");
        DatabaseUrl.Target target;
        Optional<String> url = text(config, "url");
        Optional<String> postgresServer = text(config, "postgres.server");
        if (url.isPresent()) {
            target = DatabaseUrl.parse(url.get(), username, password);
        } else if (postgresServer.isPresent()) {
            target = DatabaseUrl.fromParts(postgresServer.get(),
                                           string(config, "postgres.port"),
                                           string(config, "postgres.user"),
                                           string(config, "postgres.password"),
                                           string(config, "postgres.db"));
        } else {
            target = new DatabaseUrl.Target(
                    text(config, "embedded-url").orElseThrow(() -> new ConfigurationException(
                            "Set DATABASE_URL, or database.embedded-url for the embedded H2 database")),
                    username, password);
        }
        Map<String, String> pool = config.get("pool").detach().asMap().orElse(Map.of());
        Duration connectWait = Duration.ofSeconds(number(config, "connect-wait-seconds"));
        return new DatabaseSettings(target.jdbcUrl(), target.username(), target.password(), pool, connectWait,
                                    Duration.ofMillis(number(config, "breaker.delay-millis")),
                                    integer(config, "breaker.volume"), integer(config, "breaker.error-ratio"));
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

    /** An optional value, absent when empty. */
    private static Optional<String> text(Config config, String key) {
        return config.get(key).asString().asOptional().map(String::strip).filter(value -> !value.isEmpty());
    }

    /** A value {@code application.yaml} sets (possibly to an empty string). */
    private static String string(Config config, String key) {
        return config.get(key).asString().asOptional().map(String::strip).orElseThrow(
                () -> new ConfigurationException("The configuration has no " + name(config, key)
                                                 + ": application.yaml must set it"));
    }

    private static long number(Config config, String key) {
        return typed(config, key, Long.class, "a whole number");
    }

    /** An ISO-8601 duration such as {@code PT0.020S}. */
    private static Duration duration(Config config, String key) {
        return typed(config, key, Duration.class, "an ISO-8601 duration (PT0.5S)");
    }

    /** A value {@code application.yaml} sets, as Helidon's configuration maps it to {@code type}. */
    private static <T> T typed(Config config, String key, Class<T> type, String expected) {
        string(config, key);
        try {
            return config.get(key).as(type).get();
        } catch (ConfigMappingException e) {
            throw new ConfigurationException(name(config, key) + " must be " + expected + ", not "
                                             + string(config, key));
        }
    }

    private static int integer(Config config, String key) {
        return Math.toIntExact(number(config, key));
    }

    private static String name(Config config, String key) {
        return config.key().isRoot() ? key : config.key() + "." + key;
    }
}
