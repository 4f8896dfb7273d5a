package io.fullstackhelidon.infra.db;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.fullstackhelidon.support.RunningInstance;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TcpProxy;
import io.fullstackhelidon.support.TestDatabases;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a mixed read and write load (a proxy resets every connection and refuses new ones, as a
 * stopped or killed server does) and comes back. Meanwhile every request is answered 503 {@code Database unavailable}
 * with {@code Retry-After} within the pool's one wait (1 s), readiness says DOWN at once, and no request is a 500;
 * within seconds of the database's return requests succeed again, and every write that was answered 200 has its row.
 * On PostgreSQL when the suite runs there, otherwise on H2 served over TCP.
 */
@Slow
class DatabaseOutageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The pool's connection time-out (application.yaml) and what a request may take beyond it. */
    private static final Duration LONGEST_ANSWER = Duration.ofMillis(1000 + 1500);

    @Test
    void requestsFailFastDuringAnOutageAndNoAcknowledgedWriteIsLost() throws Exception {
        behindProxy((proxy, instance) -> {
            String token = instance.superuserToken();
            Load load = new Load(instance, token);
            load.start();
            load.awaitSuccesses(20);

            proxy.refuse();
            Instant outage = Instant.now();
            HttpResponse<String> ready = instance.get("/health/ready");
            while (ready.statusCode() == 200 && Instant.now().isBefore(outage.plusSeconds(5))) {
                ready = instance.get("/health/ready");
            }
            assertThat(ready.statusCode()).as("readiness within 5 s of the outage").isEqualTo(503);
            assertThat(ready.body()).contains("Database unavailable");
            Instant before = Instant.now();
            HttpResponse<String> probe = instance.get("/health/ready");
            assertThat(probe.statusCode()).isEqualTo(503);
            assertThat(Duration.between(before, Instant.now())).as("readiness answers from what it knows")
                    .isLessThan(LONGEST_ANSWER);
            assertThat(instance.get("/metrics").body()).as("the alert's signal")
                    .containsPattern("(?m)^db_available(\\{[^}]*})? 0(\\.0)?$");
            HttpResponse<String> refused = load.get("/api/v1/items/");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).isEqualTo("{\"detail\":\"Database unavailable\"}");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            Thread.sleep(2000); // the load runs on through two breaker delays
            int failedDuringOutage = load.unavailable.get();

            proxy.pass();
            Instant back = Instant.now();
            int successesAtReturn = load.successes.get();
            while (load.successes.get() < successesAtReturn + 10 && Instant.now().isBefore(back.plusSeconds(5))) {
                Thread.sleep(20);
            }
            assertThat(load.successes.get()).as("recovered within 5 s").isGreaterThanOrEqualTo(successesAtReturn + 10);
            Duration recovery = Duration.between(back, Instant.now());
            assertThat(instance.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(instance.get("/metrics").body()).containsPattern("(?m)^db_available(\\{[^}]*})? 1(\\.0)?$");
            load.stop();

            assertThat(failedDuringOutage).as("requests were refused during the outage").isPositive();
            assertThat(load.otherStatuses).as("nothing but 200 and 503").isEmpty();
            assertThat(load.slowest()).as("no request waits longer than the pool's time-out").isLessThan(LONGEST_ANSWER);
            System.out.printf("Database outage (%s): readiness DOWN after %d ms, %d requests answered 503, slowest "
                              + "answer %d ms, 10 successes %d ms after the return, %d acknowledged writes all kept%n",
                              TestDatabases.postgres() ? "PostgreSQL" : "H2", Duration.between(outage, before).toMillis(),
                              failedDuringOutage, load.slowest().toMillis(), recovery.toMillis(),
                              load.acknowledged.size());
            for (String id : load.acknowledged) {
                assertThat(load.get("/api/v1/items/" + id).statusCode()).as("acknowledged item " + id).isEqualTo(200);
            }
        });
    }

    /**
     * With no traffic at all but readiness probes every 2 s, as an orchestrator sends them: readiness turns 503 while
     * the database is away and 200 again within 5 s of its return, with no request to find it back (an unready
     * instance gets none).
     */
    @Test
    void readinessComesBackWithoutAnyRequest() throws Exception {
        behindProxy((proxy, instance) -> {
            proxy.refuse();
            Instant outage = Instant.now();
            int ready = instance.get("/health/ready").statusCode();
            while (ready == 200 && Instant.now().isBefore(outage.plusSeconds(10))) {
                Thread.sleep(2000);
                ready = instance.get("/health/ready").statusCode();
            }
            assertThat(ready).as("readiness during the outage").isEqualTo(503);

            proxy.pass();
            Instant back = Instant.now();
            while (ready != 200 && Instant.now().isBefore(back.plusSeconds(5))) {
                Thread.sleep(500);
                ready = instance.get("/health/ready").statusCode();
            }
            assertThat(ready).as("readiness within 5 s of the database's return, no request made").isEqualTo(200);
            System.out.printf("Database outage without traffic (%s): readiness 200 again %d ms after the return%n",
                              TestDatabases.postgres() ? "PostgreSQL" : "H2",
                              Duration.between(back, Instant.now()).toMillis());
        });
    }

    /** What a test does with an instance whose database connections pass the proxy. */
    private interface Scenario {
        void run(TcpProxy proxy, RunningInstance instance) throws Exception;
    }

    /** Runs {@code scenario} on an instance of a fresh database (PostgreSQL, or H2 over TCP) behind a proxy. */
    private static void behindProxy(Scenario scenario) throws Exception {
        Server h2 = TestDatabases.postgres() ? null : Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String direct = TestDatabases.freshUrl();
        URI target = TestDatabases.postgres() ? URI.create(direct) : URI.create("tcp://127.0.0.1:" + h2.getPort());
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", target.getPort());
                RunningInstance instance = RunningInstance.start(throughProxy(direct, proxy.port()), Map.of())) {
            scenario.run(proxy, instance);
        } finally {
            if (h2 != null) {
                h2.stop();
            }
        }
    }

    /** {@code url} with its server replaced by the proxy on {@code port}. */
    private static String throughProxy(String url, int port) {
        if (url.startsWith("jdbc:h2:mem:")) {
            return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + url.substring("jdbc:h2:mem:".length());
        }
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawUserInfo() + "@127.0.0.1:" + port + uri.getRawPath();
    }

    /** Four clients: two reading the item list, two creating items; every answer's status and time recorded. */
    private static final class Load {

        private final RunningInstance instance;
        private final String token;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger successes = new AtomicInteger();
        private final AtomicInteger unavailable = new AtomicInteger();
        private final List<String> otherStatuses = new CopyOnWriteArrayList<>();
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final List<Thread> clients = new CopyOnWriteArrayList<>();
        private volatile long slowestNanos;

        Load(RunningInstance instance, String token) {
            this.instance = instance;
            this.token = token;
        }

        void start() {
            for (int i = 0; i < 4; i++) {
                boolean writer = i % 2 == 0;
                clients.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        long start = System.nanoTime();
                        HttpResponse<String> reply = writer ? post() : get("/api/v1/items/");
                        slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
                        record(reply, writer);
                    }
                }));
            }
        }

        void awaitSuccesses(int count) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(10);
            while (successes.get() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
            }
            assertThat(successes.get()).isGreaterThanOrEqualTo(count);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                assertThat(client.join(Duration.ofSeconds(10))).isTrue();
            }
        }

        Duration slowest() {
            return Duration.ofNanos(slowestNanos);
        }

        HttpResponse<String> get(String path) {
            return instance.send(path, request -> request.header("Authorization", "Bearer " + token));
        }

        private HttpResponse<String> post() {
            return instance.send("/api/v1/items/", request -> request.header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"outage\"}")));
        }

        private void record(HttpResponse<String> reply, boolean write) {
            switch (reply.statusCode()) {
                case 200 -> {
                    successes.incrementAndGet();
                    if (write) {
                        try {
                            acknowledged.add(MAPPER.readTree(reply.body()).path("id").asText());
                        } catch (java.io.IOException e) {
                            otherStatuses.add("unreadable 200: " + reply.body());
                        }
                    }
                }
                case 503 -> unavailable.incrementAndGet();
                default -> otherStatuses.add(reply.statusCode() + " " + reply.body());
            }
        }
    }
}
