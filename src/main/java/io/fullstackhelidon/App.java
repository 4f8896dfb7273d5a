package io.fullstackhelidon;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.fullstackhelidon.config.CacheSettings;
import io.fullstackhelidon.config.SecretCheck;
import io.fullstackhelidon.config.Settings;
import io.fullstackhelidon.db.Database;
import io.fullstackhelidon.docs.ApiDocs;
import io.fullstackhelidon.items.ItemRepository;
import io.fullstackhelidon.items.ItemService;
import io.fullstackhelidon.items.ItemsApi;
import io.fullstackhelidon.login.LoginApi;
import io.fullstackhelidon.login.LoginGuard;
import io.fullstackhelidon.login.PasswordRecovery;
import io.fullstackhelidon.jobs.Jobs;
import io.fullstackhelidon.mail.DisabledMailer;
import io.fullstackhelidon.mail.EmailDelivery;
import io.fullstackhelidon.mail.EmailTemplates;
import io.fullstackhelidon.mail.Mailer;
import io.fullstackhelidon.mail.QueuedMailer;
import io.fullstackhelidon.observability.AppMetrics;
import io.fullstackhelidon.observability.DatabaseReadiness;
import io.fullstackhelidon.observability.HttpMetrics;
import io.fullstackhelidon.observability.OwnedMeters;
import io.fullstackhelidon.observability.PoolMetrics;
import io.fullstackhelidon.observability.RequestObserver;
import io.fullstackhelidon.observability.TrafficGate;
import io.fullstackhelidon.observability.VirtualThreadMetrics;
import io.fullstackhelidon.observability.RedisReadiness;
import io.fullstackhelidon.privateapi.PrivateApi;
import io.fullstackhelidon.ratelimit.LocalRateLimiter;
import io.fullstackhelidon.ratelimit.RateLimitFilter;
import io.fullstackhelidon.ratelimit.RateLimiter;
import io.fullstackhelidon.ratelimit.RedisRateLimiter;
import io.fullstackhelidon.security.AccessTokens;
import io.fullstackhelidon.security.BearerTokenFilter;
import io.fullstackhelidon.security.HmacJwt;
import io.fullstackhelidon.security.PasswordHasher;
import io.fullstackhelidon.security.ResetTokens;
import io.fullstackhelidon.redis.Redis;
import io.fullstackhelidon.users.CurrentUser;
import io.fullstackhelidon.users.LocalUserCache;
import io.fullstackhelidon.users.RedisUserCache;
import io.fullstackhelidon.users.UserCache;
import io.fullstackhelidon.users.UserRepository;
import io.fullstackhelidon.users.UserService;
import io.fullstackhelidon.users.UsersApi;
import io.fullstackhelidon.utils.UtilsApi;
import io.fullstackhelidon.web.ApiService;
import io.fullstackhelidon.web.ClientAddress;
import io.fullstackhelidon.web.CorsFilter;
import io.fullstackhelidon.web.ErrorMapping;
import io.fullstackhelidon.web.Json;
import io.fullstackhelidon.web.JsonDirectHandler;
import io.fullstackhelidon.web.RouteCatalog;
import io.fullstackhelidon.web.SecurityHeaders;
import io.fullstackhelidon.web.SlowBodyGuard;

import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.ObserveFeatureConfig;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.http.HttpRouting;

/**
 * The composition root: builds every component by constructor from the settings, and registers routes, filters,
 * error mapping and the health and metrics endpoints. Closing it (or stopping the server it is a feature of) lets
 * e-mails in flight finish and closes the database pool. Meters go to Helidon's registry, which {@code /metrics}
 * serves.
 */
public final class App implements HttpFeature, AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(App.class.getName());
    private static final String MANAGEMENT_SOCKET = "management";

    private final Settings settings;
    private final MeterRegistry meters = Metrics.globalRegistry();
    private final OwnedMeters ownedMeters = new OwnedMeters(meters);
    private final TrafficGate trafficGate = new TrafficGate();
    private final Database database;
    private final Jobs jobs;
    private final EmailDelivery emailDelivery;
    private final Mailer mailer;
    private final Redis redis;
    private final RateLimiter rateLimiter;
    private final UserCache userCache;
    private final ClientAddress clients;
    private final Json json = new Json();
    private final AccessTokens accessTokens;
    private final UserService users;
    private final List<ApiService> apis = new ArrayList<>();

    private App(Settings settings, Clock clock) {
        this.settings = settings;
        SecretCheck.check(settings).forEach(warning -> LOGGER.log(Level.WARNING, warning));
        this.database = Database.open(settings.database(), new PoolMetrics(ownedMeters));
        this.emailDelivery = settings.mail().enabled() ? new EmailDelivery(settings.mail(), settings.jobs()) : null;
        this.jobs = emailDelivery == null ? null
                                          : new Jobs(database.dataSource(), settings.jobs(),
                                                     List.of(emailDelivery.task()));
        this.mailer = jobs == null ? new DisabledMailer() : new QueuedMailer(jobs, emailDelivery);
        this.redis = settings.redis().url().map(url -> new Redis(url, settings.redis().prefix())).orElse(null);
        this.rateLimiter = rateLimiter(settings.rateLimits().longestPeriod());
        this.userCache = userCache(settings.cache());
        this.clients = new ClientAddress(settings.rateLimits().trustedProxies());
        try {
            AppMetrics metrics = new AppMetrics(ownedMeters);
            if (emailDelivery != null) {
                metrics.trackEmails(emailDelivery::sentCount, emailDelivery::retriedCount, emailDelivery::failedCount);
            }
            metrics.trackUserCache(userCache::hits, userCache::misses);
            VirtualThreadMetrics.register(meters);
            PasswordHasher hasher = new PasswordHasher(settings.security().passwordHash());
            HmacJwt jwt = new HmacJwt(settings.security().secretKey(), settings.security().previousSecretKeys(),
                                      clock);
            this.accessTokens = new AccessTokens(jwt, settings.security().accessTokenLifetime());
            EmailTemplates templates = new EmailTemplates(settings.projectName(), settings.frontendHost());
            this.users = new UserService(new UserRepository(database.client()), userCache, hasher, clock, mailer, templates,
                                         metrics);
            CurrentUser currentUser = new CurrentUser(users);
            ItemService items = new ItemService(new ItemRepository(database.client()), clock, metrics);
            PasswordRecovery recovery = new PasswordRecovery(
                    users, new ResetTokens(jwt, settings.security().resetTokenLifetime()), templates, mailer);

            LoginGuard guard = new LoginGuard(rateLimiter, settings.rateLimits().failedLogins());
            apis.add(new LoginApi(users, accessTokens, recovery, currentUser, guard, metrics, json));
            apis.add(new UsersApi(users, currentUser, json));
            apis.add(new UtilsApi(currentUser, templates, mailer, json));
            apis.add(new ItemsApi(items, currentUser, json));
            if (settings.development()) {
                apis.add(new PrivateApi(users, json));
            }
            users.ensureSuperuser(settings.firstSuperuser());
            if (jobs != null) {
                jobs.start();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Builds the application: checks secrets, migrates the database, creates the first superuser. */
    public static App create(Settings settings, Clock clock) {
        return new App(settings, clock);
    }

    /**
     * Serves this application on {@code server}: its routing, {@code /health} (liveness and readiness, with the
     * database and the shutdown gate) and {@code /metrics} (Prometheus), and JSON answers for requests rejected
     * before routing.
     */
    public void configure(WebServerConfig.Builder server) {
        HealthObserverConfig.Builder health = HealthObserver.builder()
                .endpoint("/health")
                .details(true)
                .addCheck(trafficGate)
                .addCheck(new DatabaseReadiness(database, settings.operations().readinessTimeout()));
        if (rateLimiter instanceof RedisRateLimiter redis) {
            health.addCheck(new RedisReadiness(redis, userCache::store));
        }
        ObserveFeatureConfig.Builder observe = ObserveFeature.builder()
                .addObserver(health.build())
                .addObserver(MetricsObserver.builder().endpoint("/metrics").build());
        settings.http().managementPort().ifPresent(port -> {
            server.putSocket(MANAGEMENT_SOCKET, socket -> socket.port(port).host(server.host()));
            observe.sockets(List.of(MANAGEMENT_SOCKET));
        });
        server.routing(routing -> routing.addFeature(this))
                .addFeature(observe.build())
                .directHandlers(JsonDirectHandler.all());
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        RouteCatalog catalog = new RouteCatalog(json);
        routing.addFilter(new RequestObserver(new HttpMetrics(ownedMeters)))
                .addFilter(new SlowBodyGuard(settings.http().bodyTimeout()))
                .addFilter(new SecurityHeaders(settings.http().hsts(), clients))
                .addFilter(new CorsFilter(settings.corsOrigins()));
        if (settings.rateLimits().enabled()) {
            routing.addFilter(new RateLimitFilter(rateLimiter, clients, settings.rateLimits(), settings.apiPrefix(),
                                                  json, meters));
        }
        routing.addFilter(new BearerTokenFilter(accessTokens));
        for (ApiService api : apis) {
            catalog.register(routing, settings.apiPrefix(), api);
        }
        new ApiDocs(settings, json).register(routing, settings.apiPrefix());
        routing.any(catalog);
        new ErrorMapping(json).register(routing);
    }

    /** Readiness answers 503 from now on, so that load balancers stop sending requests before the server stops. */
    public void stopAcceptingTraffic() {
        trafficGate.close();
    }

    @Override
    public void afterStop() {
        close();
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
        database.close();
        ownedMeters.close();
    }

    /** Buckets in Redis when {@code REDIS_URL} is set, shared by every instance; in this process otherwise. */
    private RateLimiter rateLimiter(Duration longestPeriod) {
        if (redis == null) {
            return new LocalRateLimiter(longestPeriod);
        }
        RedisRateLimiter shared = new RedisRateLimiter(redis, longestPeriod);
        ownedMeters.register(Gauge.builder("ratelimit.store.degraded", shared, r -> r.degraded() ? 1.0 : 0.0)
                                     .description("1 while Redis is unreachable and limits are enforced per instance"));
        return shared;
    }

    /** Users in Redis when {@code REDIS_URL} is set, so that every instance sees every write; in this process else. */
    private UserCache userCache(CacheSettings cache) {
        if (!cache.enabled()) {
            return UserCache.none();
        }
        return redis == null ? new LocalUserCache(cache.userTtl(), cache.maxUsers())
                             : new RedisUserCache(redis, cache.userTtl());
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public UserService users() {
        return users;
    }

    public Mailer mailer() {
        return mailer;
    }
}
