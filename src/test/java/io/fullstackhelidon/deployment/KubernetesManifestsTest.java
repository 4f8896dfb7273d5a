package io.fullstackhelidon.deployment;

import static io.fullstackhelidon.deployment.Manifests.at;
import static io.fullstackhelidon.deployment.Manifests.documents;
import static io.fullstackhelidon.deployment.Manifests.list;
import static io.fullstackhelidon.deployment.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fullstackhelidon.AdminCommand;
import io.fullstackhelidon.infra.config.AppConfig;
import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.support.RunningInstance;
import io.fullstackhelidon.support.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes: the probes reach real endpoints, the objects select each other, the settings reach the service.
 */
class KubernetesManifestsTest {

    private static final Path DIRECTORY = Path.of("deploy/kubernetes");
    private static final List<Map<String, Object>> RESOURCES = resources();

    private static RunningInstance instance;

    @BeforeAll
    static void start() {
        instance = RunningInstance.start(TestDatabases.freshUrl(), Map.of());
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    private static Map<String, Object> object(String kind) {
        List<Map<String, Object>> found = RESOURCES.stream().filter(object -> kind.equals(object.get("kind")))
                .toList();
        assertThat(found).as(kind).hasSize(1);
        return found.getFirst();
    }

    /** The objects the kustomization applies, read from the files it lists. */
    private static List<Map<String, Object>> resources() {
        Map<String, Object> kustomization = documents(DIRECTORY.resolve("kustomization.yaml")).getFirst();
        return list(kustomization.get("resources")).stream()
                .flatMap(file -> documents(DIRECTORY.resolve((String) file)).stream())
                .toList();
    }

    private static Map<String, Object> container() {
        return map(at(object("Deployment"), "spec", "template", "spec", "containers", 0));
    }

    @Test
    void everyFileInTheDirectoryIsListedOrAnExample() throws Exception {
        Map<String, Object> kustomization = documents(DIRECTORY.resolve("kustomization.yaml")).getFirst();
        try (Stream<Path> files = Files.list(Manifests.ROOT.resolve(DIRECTORY))) {
            assertThat(files.map(file -> file.getFileName().toString())
                               .filter(name -> !name.equals("kustomization.yaml") && !name.contains(".example.")))
                    .containsExactlyInAnyOrderElementsOf(list(kustomization.get("resources")).stream()
                                                                 .map(String.class::cast).toList());
        }
    }

    @Test
    void probesPointAtEndpointsThatAnswer200() {
        Map<String, Object> container = container();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = (String) at(container, probe, "httpGet", "path");
            HttpResponse<String> response = instance.get(path);
            assertThat(response.statusCode()).as(probe + " " + path).isEqualTo(200);
            assertThat(containerPort(container, at(container, probe, "httpGet", "port"))).as(probe).isEqualTo(8000);
        }
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/health/live");
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/health/ready");
    }

    @Test
    void theServiceListensOnTheContainerPortItDeclares() {
        Map<String, Object> container = container();
        Map<String, String> environment = environment(container);

        assertThat(environment).containsEntry("SERVER_PORT", "8000");
        assertThat(AppConfig.of(Map.of(), environment).get("server.port").asInt().get()).isEqualTo(8000);
        assertThat(containerPort(container, "http")).isEqualTo(8000);
    }

    @Test
    void theServiceHpaAndPdbSelectTheDeployment() {
        Map<String, Object> deployment = object("Deployment");
        Object podLabels = at(deployment, "spec", "template", "metadata", "labels");
        assertThat(at(deployment, "spec", "selector", "matchLabels")).isEqualTo(podLabels);

        Map<String, Object> service = object("Service");
        assertThat(map(podLabels)).containsAllEntriesOf(map(at(service, "spec", "selector")));
        assertThat(containerPort(container(), at(service, "spec", "ports", 0, "targetPort"))).isEqualTo(8000);

        Map<String, Object> autoscaler = object("HorizontalPodAutoscaler");
        assertThat(at(autoscaler, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
        assertThat(at(autoscaler, "spec", "scaleTargetRef", "name")).isEqualTo(at(deployment, "metadata", "name"));
        assertThat((Integer) at(autoscaler, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);

        Map<String, Object> budget = object("PodDisruptionBudget");
        assertThat(map(podLabels)).containsAllEntriesOf(map(at(budget, "spec", "selector", "matchLabels")));
        assertThat((Integer) at(budget, "spec", "minAvailable"))
                .isLessThan((Integer) at(autoscaler, "spec", "minReplicas"));
    }

    @Test
    void theConfigMapAndTheExampleSecretConfigureTheServiceForProduction() {
        Settings settings = Settings.from(AppConfig.of(Map.of(), environment(container())));

        assertThat(settings.development()).isFalse();
        assertThat(settings.projectName()).isEqualTo("Full Stack Helidon");
        assertThat(settings.database().jdbcUrl()).startsWith("jdbc:postgresql://postgres:5432/app");
        assertThat(settings.database().username()).isEqualTo("app");
        assertThat(settings.redis().url()).contains("redis://redis:6379");
        assertThat(settings.mail().host()).contains("smtp.example.com");
        assertThat(settings.mail().port()).isEqualTo(587);
        assertThat(settings.rateLimits().trustedProxies()).containsExactly("10.0.0.0/8");
        assertThat(settings.operations().logFormat()).isEqualTo("json");
        assertThat(settings.operations().shutdownDrain()).hasSeconds(5);
        assertThat(settings.firstSuperuser().email()).isEqualTo("admin@example.com");
    }

    @Test
    void theContainersRunCommandsTheLauncherKnows() {
        assertThat(list(container().get("args"))).containsExactly("serve");
        Map<String, Object> job = object("Job");
        List<Object> steps = Stream.concat(list(at(job, "spec", "template", "spec", "initContainers")).stream(),
                                           list(at(job, "spec", "template", "spec", "containers")).stream())
                .map(step -> list(map(step).get("args")).getFirst())
                .toList();
        assertThat(steps).containsExactly("migrate", "create-superuser");
        steps.forEach(step -> assertThat(AdminCommand.named((String) step)).as((String) step).isPresent());
    }

    /** What the container sees: the ConfigMap, the Secret (here its example) and its own env entries. */
    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new HashMap<>();
        map(object("ConfigMap").get("data")).forEach((key, value) -> environment.put(key, (String) value));
        map(documents(DIRECTORY.resolve("secret.example.yaml")).getFirst().get("stringData"))
                .forEach((key, value) -> environment.put(key, (String) value));
        list(container.get("env")).forEach(entry -> environment.put((String) map(entry).get("name"),
                                                                    (String) map(entry).get("value")));
        for (Object source : list(container.get("envFrom"))) {
            Object name = at(source, "configMapRef", "name") != null ? at(source, "configMapRef", "name")
                    : at(source, "secretRef", "name");
            assertThat(name).isEqualTo(at(object("ConfigMap"), "metadata", "name"));
        }
        return environment;
    }

    private static int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return list(container.get("ports")).stream().map(Manifests::map)
                .filter(entry -> port.equals(entry.get("name")))
                .map(entry -> (Integer) entry.get("containerPort"))
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + port));
    }
}
