package io.fullstackhelidon;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.fullstackhelidon.contract.Endpoint;
import io.fullstackhelidon.contract.FeatureApi;
import io.fullstackhelidon.contract.Idempotency;
import io.fullstackhelidon.contract.UnroutedRequests;
import io.fullstackhelidon.features.frontend.FrontendFiles;
import io.fullstackhelidon.features.items.Item;
import io.fullstackhelidon.features.items.ItemRepository;
import io.fullstackhelidon.features.items.ItemService;
import io.fullstackhelidon.features.items.ItemsApi;
import io.fullstackhelidon.features.login.FailedLoginLockout;
import io.fullstackhelidon.features.login.LoginApi;
import io.fullstackhelidon.features.login.PasswordRecovery;
import io.fullstackhelidon.features.login.RefreshTokenRepository;
import io.fullstackhelidon.features.login.RefreshTokens;
import io.fullstackhelidon.features.privateapi.PrivateApi;
import io.fullstackhelidon.features.users.CachedUserCodec;
import io.fullstackhelidon.features.users.CurrentUser;
import io.fullstackhelidon.features.users.User;
import io.fullstackhelidon.features.users.UserRepository;
import io.fullstackhelidon.features.users.UserService;
import io.fullstackhelidon.features.users.UsersApi;
import io.fullstackhelidon.features.utils.UtilsApi;
import io.fullstackhelidon.infra.cache.EntityCache;
import io.fullstackhelidon.infra.cache.LocalEntityCache;
import io.fullstackhelidon.infra.cache.RedisEntityCache;
import io.fullstackhelidon.infra.config.CacheSettings;
import io.fullstackhelidon.infra.config.ConfigurationException;
import io.fullstackhelidon.infra.config.SecretCheck;
import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.infra.db.Database;
import io.fullstackhelidon.infra.db.GroupedWrites;
import io.fullstackhelidon.infra.db.SqlValues;
import io.fullstackhelidon.infra.http.ClientAddress;
import io.fullstackhelidon.infra.idempotency.IdempotencyKeys;
import io.fullstackhelidon.infra.jobs.Jobs;
import io.fullstackhelidon.infra.mail.DisabledMailer;
import io.fullstackhelidon.infra.mail.EmailDelivery;
import io.fullstackhelidon.infra.mail.EmailTemplates;
import io.fullstackhelidon.infra.mail.Mailer;
import io.fullstackhelidon.infra.mail.QueuedMailer;
import io.fullstackhelidon.infra.observability.AppMetrics;
import io.fullstackhelidon.infra.observability.OwnedMeters;
import io.fullstackhelidon.infra.observability.PoolMetrics;
import io.fullstackhelidon.infra.ratelimit.LocalRateLimiter;
import io.fullstackhelidon.infra.ratelimit.RateLimiter;
import io.fullstackhelidon.infra.ratelimit.RedisRateLimiter;
import io.fullstackhelidon.infra.redis.Redis;
import io.fullstackhelidon.infra.security.AccessTokens;
import io.fullstackhelidon.infra.security.Authentication;
import io.fullstackhelidon.infra.security.HmacJwt;
import io.fullstackhelidon.infra.security.KeyedDigest;
import io.fullstackhelidon.infra.security.PasswordHasher;
import io.fullstackhelidon.infra.security.ResetTokens;
import io.fullstackhelidon.infra.security.SealedData;
import io.fullstackhelidon.infra.security.VerifiedTokens;
import io.fullstackhelidon.workarounds.RequestHeadDeadline;
import io.fullstackhelidon.workarounds.VirtualThreadMetrics;

import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Metrics;

/**
 * The composition root: builds every component by constructor from the settings, once, and nothing else does wiring.
 * Starting it checks secrets and wires everything at once, while the database opens (reachable, migrated, pooled) on a
 * thread of its own; once it is open the first superuser is created and the job queue started, and the app is
 * {@linkplain #ready() ready}. Closing it lets running jobs finish and closes Redis and the database pool. The server
 * around it, its routing and its health checks are {@link Lifecycle}'s.
 */
public final class App implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(App.class.getName());
    /**
     * Item creates that arrive together share one INSERT and one commit: at most this many such statements at once
     * (one is written while the next gathers), of at most {@link #LARGEST_INSERT} items each.
     */
    private static final int INSERT_WRITERS = 2;
    private static final int LARGEST_INSERT = 32;

    private final Settings settings;
    /** Helidon's global registry takes 0.1-0.15 s to build: on a thread of its own, while this one wires the rest. */
    private final OwnedMeters ownedMeters = new OwnedMeters(
            CompletableFuture.supplyAsync(Metrics::globalRegistry,
                                          task -> Thread.ofPlatform().name("meter-registry").start(task))::join);
    private final Database database;
    private final Jobs jobs;
    private final Redis redis;
    private final RateLimiter rateLimiter;
    private final EntityCache<User> userCache;
    private volatile VirtualThreadMetrics virtualThreads;
    private final List<FeatureApi> features = new ArrayList<>();
    private final UnroutedRequests frontend;
    private final RequestHeadDeadline requestHeads;
    private final AccessTokens accessTokens;
    private final ClientAddress clients;
    private final Idempotency idempotency;
    private final UserService users;
    private final CompletableFuture<Void> ready;

    private App(Settings settings, Clock clock) {
        this.settings = settings;
        SecretCheck.check(settings).forEach(warning -> LOGGER.log(Level.WARNING, warning));
        this.frontend = frontend(settings);
        PoolMetrics poolMetrics = new PoolMetrics(ownedMeters);
        // The job queue's threads each complete a job on a connection, and its poller takes one more.
        this.database = Database.open(settings.database(), settings.jobs().threads() + 1, poolMetrics);
        this.redis = settings.redis().url().map(url -> new Redis(url, settings.redis())).orElse(null);
        this.rateLimiter = sharedOrLocalRateLimiter();
        this.userCache = sharedOrLocalUserCache(settings.cache());
        this.requestHeads = new RequestHeadDeadline(settings.http().headTimeout());
        try {
            EmailDelivery emailDelivery = settings.mail().enabled()
                                          ? new EmailDelivery(settings.mail(), settings.jobs()) : null;
            poolMetrics.trackQueue(database::queueWaiting, database::queueTimeouts,
                                   () -> !database.availability().knownDown());
            this.jobs = emailDelivery == null ? null
                                              : new Jobs(database::backgroundDataSource, settings.jobs(),
                                                         new SealedData("job data", settings.security().secretKey(),
                                                                        settings.security().previousSecretKeys()),
                                                         List.of(emailDelivery.task()));
            Mailer mailer = jobs == null ? new DisabledMailer() : new QueuedMailer(jobs, emailDelivery);
            AppMetrics metrics = new AppMetrics(ownedMeters);
            metrics.trackSlowHeadClosures(requestHeads::closedConnections);
            if (emailDelivery != null) {
                metrics.trackEmails(emailDelivery::sentCount, emailDelivery::retriedCount, emailDelivery::failedCount);
            }
            metrics.trackUserCache(userCache::hits, userCache::misses);
            VerifiedTokens verifiedTokens = new VerifiedTokens(settings.cache().maxTokens(), clock);
            metrics.trackTokenCache(verifiedTokens::hits, verifiedTokens::misses);
            HmacJwt jwt = new HmacJwt(settings.security().secretKey(), settings.security().previousSecretKeys(),
                                      clock);
            this.clients = new ClientAddress(settings.rateLimits().trustedProxies());
            this.idempotency = new Idempotency(new IdempotencyKeys(database.client(), settings.idempotency(), clock),
                                               new KeyedDigest(settings.security().secretKey(), "idempotency"));
            this.accessTokens = new AccessTokens(jwt, settings.security().accessTokenLifetime());
            EmailTemplates templates = new EmailTemplates(settings.projectName(), settings.frontendHost());
            PasswordHasher hasher = new PasswordHasher(settings.security().passwordHash());
            metrics.trackPasswordHashing(hasher::computations);
            this.users = new UserService(new UserRepository(database.client()), userCache, hasher, clock, mailer,
                                         templates, metrics);
            CurrentUser currentUser = new CurrentUser(users, new Authentication(verifiedTokens));
            ItemRepository itemRows = new ItemRepository(database.client());
            GroupedWrites<Item> itemInserts = new GroupedWrites<>(itemRows::insertAll, SqlValues::isConstraintViolation,
                                                                INSERT_WRITERS, LARGEST_INSERT);
            metrics.trackItemInserts(itemInserts::batches, itemInserts::values);
            ItemService items = new ItemService(itemRows, itemInserts, clock, metrics);
            PasswordRecovery recovery = new PasswordRecovery(
                    users, new ResetTokens(jwt, settings.security().resetTokenLifetime()), templates, mailer);
            FailedLoginLockout guard = new FailedLoginLockout(rateLimiter, settings.rateLimits().failedLogins());

            features.addAll(List.of(
                    new LoginApi(users, accessTokens, recovery, currentUser, guard, metrics,
                                 new RefreshTokens(new RefreshTokenRepository(database.client()), users,
                                                   settings.refreshTokens(), clock)),
                    new UsersApi(users, currentUser, clients),
                    new UtilsApi(currentUser, templates, mailer),
                    new ItemsApi(items, currentUser)));
            if (settings.development()) {
                features.add(new PrivateApi(users));
            }
            // on a thread of its own, while the caller goes on (building the web server)
            this.ready = database.opened().thenRunAsync(this::onceOpen,
                                                        task -> Thread.ofPlatform().name("app-ready").start(task));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Builds the application and starts opening its database, without waiting for that: {@link #ready()} tells
     * when it is open and migrated, with its superuser, or what kept it from that.
     */
    public static App start(Settings settings, Clock clock) {
        return new App(settings, clock);
    }

    /** Builds the application and waits until it is {@linkplain #ready() ready}: for whatever needs it at once. */
    public static App create(Settings settings, Clock clock) {
        App app = start(settings, clock);
        try {
            app.awaitReady();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Completes once the database is open and migrated, the first superuser exists and the job queue runs. */
    public CompletableFuture<Void> ready() {
        return ready.copy();
    }

    /** Waits until the application is ready; throws what kept it from that as it was thrown. */
    public void awaitReady() {
        try {
            ready.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The first superuser, the job queue, the virtual-thread meters: what waits for the open database. */
    private void onceOpen() {
        boolean created = users.ensureSuperuser(settings.firstSuperuser());
        LOGGER.log(Level.INFO, created ? "Superuser created" : "Superuser already exists: left as it is");
        if (jobs != null) {
            jobs.start();
        }
        // not earlier: its Flight Recorder's start (0.3-0.4 s of CPU) competed with the rest of the start on two cores
        virtualThreads = new VirtualThreadMetrics(ownedMeters.registry(), settings.operations().pinnedThreshold());
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    /** The rules about users, as the endpoints use them. */
    public UserService users() {
        return users;
    }

    /** Who the clients are: the socket's peer, or what trusted proxies say. */
    ClientAddress clients() {
        return clients;
    }

    /** Where the API keeps its idempotency keys. */
    Idempotency idempotency() {
        return idempotency;
    }

    /** The access tokens this app issues, which Helidon Security's bearer-token provider verifies. */
    AccessTokens accessTokens() {
        return accessTokens;
    }

    /** Every API endpoint, as declared by the features. */
    public List<Endpoint<?, ?>> endpoints() {
        return features.stream().flatMap(feature -> feature.endpoints().stream()).toList();
    }

    /** The features' HTTP declarations, in the template's order. */
    List<FeatureApi> features() {
        return List.copyOf(features);
    }

    /** The deadline of request heads, which the HTTP/1.1 connections report to. */
    RequestHeadDeadline requestHeadDeadline() {
        return requestHeads;
    }

    /** The built frontend, or nothing, for requests outside the API that no route took. */
    UnroutedRequests frontend() {
        return frontend;
    }

    /** Where the rate-limit buckets live. */
    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Where the current users are cached. */
    EntityCache<User> userCache() {
        return userCache;
    }

    /** The meters bound to this application, removed when it closes. */
    OwnedMeters meters() {
        return ownedMeters;
    }

    /** Lets running jobs finish (queued ones stay in the database), then closes Redis and the database pool. */
    @Override
    public void close() {
        if (jobs != null) {
            jobs.close();
        }
        if (rateLimiter != null) {
            rateLimiter.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (database != null) {
            database.close();
        }
        requestHeads.close();
        if (virtualThreads != null) {
            virtualThreads.close();
        }
        ownedMeters.close();
    }

    /**
     * The build {@code FRONTEND_DIR} names. Set but missing (no {@code index.html} there), the service refuses to
     * start, naming the path; in development it warns and serves the API alone.
     */
    private static UnroutedRequests frontend(Settings settings) {
        Optional<Path> dir = settings.frontend().dir();
        if (dir.isEmpty()) {
            return UnroutedRequests.NONE;
        }
        if (Files.isRegularFile(dir.get().resolve("index.html"))) {
            return new FrontendFiles(dir.get());
        }
        String problem = "FRONTEND_DIR is set, but " + dir.get() + " holds no built frontend (no index.html)";
        if (!settings.development()) {
            throw new ConfigurationException(problem);
        }
        LOGGER.log(Level.WARNING, problem + ": serving the API alone");
        return UnroutedRequests.NONE;
    }

    /** Buckets in Redis when {@code REDIS_URL} is set, shared by every instance; in this process otherwise. */
    private RateLimiter sharedOrLocalRateLimiter() {
        if (redis == null) {
            return new LocalRateLimiter(settings.rateLimits().longestPeriod());
        }
        RedisRateLimiter shared = new RedisRateLimiter(redis, settings.rateLimits().longestPeriod());
        ownedMeters.register(Gauge.builder("ratelimit.store.degraded", shared, r -> r.degraded() ? 1.0 : 0.0)
                                     .description("1 while Redis is unreachable and limits are enforced per instance"));
        return shared;
    }

    /** Users in Redis when {@code REDIS_URL} is set, so that every instance sees every write; in this process else. */
    private EntityCache<User> sharedOrLocalUserCache(CacheSettings cache) {
        if (!cache.enabled()) {
            return EntityCache.none();
        }
        return redis == null ? new LocalEntityCache<>(cache.userTtl(), cache.maxUsers())
                             : new RedisEntityCache<>(redis, "user:", cache.userTtl(), new CachedUserCodec());
    }
}
