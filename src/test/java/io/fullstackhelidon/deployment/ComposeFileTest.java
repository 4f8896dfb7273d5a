package io.fullstackhelidon.deployment;

import static io.fullstackhelidon.deployment.Manifests.at;
import static io.fullstackhelidon.deployment.Manifests.documents;
import static io.fullstackhelidon.deployment.Manifests.list;
import static io.fullstackhelidon.deployment.Manifests.map;
import static io.fullstackhelidon.deployment.Manifests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fullstackhelidon.AdminCommand;
import io.fullstackhelidon.infra.config.AppConfig;
import io.fullstackhelidon.infra.config.DotEnvFile;
import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.support.RunningInstance;
import io.fullstackhelidon.support.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, the Dockerfile and the files they mount: the backend's settings reach the service, the health
 * check, load balancer and Prometheus point at real endpoints on the port the container listens on.
 */
class ComposeFileTest {

    /** What a minimal .env gives: the three required secrets. */
    private static final Map<String, String> DOT_ENV = Map.of(
            "SECRET_KEY", "compose-secret-key-0123456789abcdef",
            "FIRST_SUPERUSER_PASSWORD", "compose-superuser-password",
            "POSTGRES_PASSWORD", "compose-db-password");
    private static final Map<String, Object> COMPOSE = documents(Path.of("docker-compose.yml")).getFirst();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(?:(:-|:\\?)([^}]*))?}");

    private static RunningInstance instance;

    @BeforeAll
    static void start() {
        instance = RunningInstance.start(TestDatabases.freshUrl(), Map.of());
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    private static Map<String, Object> service(String name) {
        return map(at(COMPOSE, "services", name));
    }

    /** The backend's environment as docker compose interpolates it from {@code variables}. */
    private static Map<String, String> backendEnvironment(Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>();
        map(service("backend").get("environment"))
                .forEach((key, value) -> environment.put(key, interpolate(String.valueOf(value), variables)));
        return environment;
    }

    private static String interpolate(String value, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String set = variables.getOrDefault(name, "");
            if (set.isEmpty() && ":?".equals(matcher.group(2))) {
                throw new IllegalArgumentException(matcher.group(3));
            }
            String replacement = set.isEmpty() && ":-".equals(matcher.group(2)) ? matcher.group(3) : set;
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(result).toString();
    }

    private static String dockerfileInstruction(String instruction) {
        return text(Path.of("Dockerfile")).replace("\\\n", " ").lines()
                .filter(line -> line.startsWith(instruction + " "))
                .reduce((first, last) -> last).orElseThrow();
    }

    @Test
    void theBackendIsConfiguredForPostgresRedisMailpitAndTheLoadBalancer() {
        Settings settings = Settings.from(AppConfig.of(Map.of(), backendEnvironment(DOT_ENV)));

        assertThat(settings.development()).isFalse();
        assertThat(settings.database().jdbcUrl()).startsWith("jdbc:postgresql://db:5432/app");
        assertThat(settings.database().password()).isEqualTo("compose-db-password");
        assertThat(settings.redis().url()).contains("redis://redis:6379");
        assertThat(settings.mail().host()).contains("mailpit");
        assertThat(settings.mail().port()).isEqualTo(1025);
        assertThat(settings.security().secretKey()).isEqualTo("compose-secret-key-0123456789abcdef");
        assertThat(settings.rateLimits().trustedProxies())
                .containsExactly((String) at(service("lb"), "networks", "app", "ipv4_address"));
        assertThat(service("db").get("image")).asString().startsWith("postgres:");
        assertThat(service("redis").get("image")).asString().startsWith("redis:");
    }

    @Test
    void composeStopsWithAMessageWhenASecretIsMissing() {
        Map<String, String> withoutSecret = new HashMap<>(DOT_ENV);
        withoutSecret.remove("SECRET_KEY");

        assertThatThrownBy(() -> backendEnvironment(withoutSecret)).hasMessageContaining("set SECRET_KEY in .env");
    }

    @Test
    void theExampleDotEnvHasEveryVariableComposeRequires() {
        Map<String, String> example = DotEnvFile.read(Manifests.ROOT.resolve(".env.example"));

        Map<String, String> environment = backendEnvironment(example);
        assertThat(environment).containsEntry("POSTGRES_PASSWORD", example.get("POSTGRES_PASSWORD"))
                .containsEntry("SECRET_KEY", example.get("SECRET_KEY"));
    }

    @Test
    void twoReplicasStartAfterTheOneShotPrestartStep() {
        Map<String, Object> backend = service("backend");
        assertThat(at(backend, "deploy", "replicas")).isEqualTo(2);
        assertThat(at(backend, "depends_on", "prestart", "condition")).isEqualTo("service_completed_successfully");

        Map<String, Object> prestart = service("prestart");
        assertThat(prestart.get("restart")).isEqualTo("no");
        assertThat(prestart.get("environment")).isEqualTo(backend.get("environment"));
        Matcher commands = Pattern.compile("/app/bin/full-stack-helidon (\\S+)")
                .matcher(String.join(" ", list(prestart.get("entrypoint")).stream().map(String::valueOf).toList()));
        List<String> steps = commands.results().map(result -> result.group(1)).toList();
        assertThat(steps).containsExactly("migrate", "create-superuser");
        steps.forEach(step -> assertThat(AdminCommand.named(step)).as(step).isPresent());
    }

    @Test
    void theContainerListensWhereTheLoadBalancerAndPrometheusLook() {
        assertThat(dockerfileInstruction("ENV")).contains("SERVER_PORT=8000");
        assertThat(dockerfileInstruction("EXPOSE")).isEqualTo("EXPOSE 8000");
        assertThat(text(Path.of("deploy/compose/nginx.conf"))).contains("set $backend http://backend:8000;");

        Map<String, Object> scrape = map(list(at(documents(Path.of("deploy/prometheus/prometheus.yml")).getFirst(),
                                                 "scrape_configs")).getFirst());
        assertThat(at(scrape, "dns_sd_configs", 0, "names")).isEqualTo(List.of("backend"));
        assertThat(at(scrape, "dns_sd_configs", 0, "port")).isEqualTo(8000);
        HttpResponse<String> metrics = instance.get((String) scrape.get("metrics_path"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE ");
    }

    @Test
    void theImagesHealthCheckAsksAnEndpointThatAnswers200() {
        Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:8000(/\\S+)")
                .matcher(dockerfileInstruction("HEALTHCHECK"));
        assertThat(url.find()).isTrue();

        assertThat(url.group(1)).isEqualTo("/health/live");
        assertThat(instance.get(url.group(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void aFrontendIsBuiltIntoTheImageOnlyWhenItsSourcesAreGiven() {
        String dockerfile = text(Path.of("Dockerfile")).replace("\\\n", " ");
        assertThat(dockerfile).as("an empty stand-in that a build context of the same name replaces")
                .contains("FROM scratch AS frontend\n")
                .contains("COPY --from=frontend / ./")
                .contains("VITE_API_URL= npm run build -- --outDir /dist")
                .contains("if [ -f package.json ]");
        assertThat(dockerfileInstruction("COPY")).isEqualTo("COPY --from=frontend-build /dist /app/frontend");

        String context = String.valueOf(at(service("backend"), "build", "additional_contexts", "frontend"));
        String byDefault = interpolate(context, Map.of());
        assertThat(Files.isDirectory(Manifests.ROOT.resolve(byDefault))).as(byDefault).isTrue();
        assertThat(Manifests.ROOT.resolve(byDefault).resolve("package.json")).doesNotExist();
        assertThat(interpolate(context, Map.of("FRONTEND_CONTEXT", "../template/frontend")))
                .isEqualTo("../template/frontend");
        assertThat(at(service("prestart"), "build")).isEqualTo(at(service("backend"), "build"));
    }

    @Test
    void everyMountedFileIsInTheRepository() {
        List<String> sources = map(COMPOSE.get("services")).values().stream()
                .flatMap(service -> list(map(service).getOrDefault("volumes", List.of())).stream())
                .map(volume -> String.valueOf(volume).split(":")[0])
                .filter(source -> source.startsWith("./"))
                .toList();

        assertThat(sources).hasSizeGreaterThanOrEqualTo(5);
        sources.forEach(source -> assertThat(Files.exists(Manifests.ROOT.resolve(source))).as(source).isTrue());
    }
}
