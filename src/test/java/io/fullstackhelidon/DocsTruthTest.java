package io.fullstackhelidon;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fullstackhelidon.infra.observability.TrafficReadiness;
import io.fullstackhelidon.support.TestSettings;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the documentation says of the code, checked against the code: the filters {@code docs/architecture.md} lists
 * are the ones the routing installs, in its order, and every class the README and the docs name by its package
 * exists there.
 */
class DocsTruthTest {

    private static final List<Path> DOCUMENTS = List.of(
            Path.of("README.md"), Path.of("docs/architecture.md"), Path.of("docs/reliability.md"),
            Path.of("docs/decisions/helidon-workarounds.md"), Path.of("docs/decisions/0001-yaml-1.2-configuration.md"),
            Path.of("docs/decisions/0002-security-in-the-feature-list.md"),
            Path.of("docs/decisions/0003-helidon-modules-and-our-own-code.md"),
            Path.of("docs/decisions/0005-dbclient-stays-the-data-layer.md"),
            Path.of("docs/decisions/0006-security-context-on-demand.md"));
    /** A class named by its package below ours, such as {@code contract/Json} or {@code infra.db.Database}. */
    private static final Pattern CLASS_REFERENCE = Pattern.compile(
            "`(?:io\\.fullstackhelidon\\.)?((?:[a-z]\\w*[./])+[A-Z]\\w*)(?:[.#]\\w+)?`");
    private static final List<String> NOT_OURS = List.of("java", "javax", "jdk", "org", "com", "io", "bench", "deploy",
                                                         "src", "docs");

    @Test
    void theArchitecturesFilterListIsTheRoutingsOwn() throws IOException {
        String line = Files.readAllLines(Path.of("docs/architecture.md")).stream()
                .map(String::strip)
                .filter(text -> text.startsWith("The filters, in the order `ApiRouting` installs them:"))
                .findFirst().orElseThrow();
        List<String> documented = Arrays.stream(line.substring(line.indexOf(':') + 1).split(","))
                .map(name -> name.strip().replaceAll("[`.]", "")).toList();

        assertThat(documented).isEqualTo(installedFilters());
    }

    @Test
    void everyClassTheDocsNameByPackageExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path document : DOCUMENTS) {
            Matcher reference = CLASS_REFERENCE.matcher(Files.readString(document));
            while (reference.find()) {
                String path = reference.group(1).replace('.', '/');
                if (NOT_OURS.contains(path.substring(0, path.indexOf('/')))) {
                    continue;
                }
                if (!Files.exists(Path.of("src/main/java/io/fullstackhelidon", path + ".java"))
                    && !Files.exists(Path.of("src/test/java/io/fullstackhelidon", path + ".java"))) {
                    missing.add(document + ": " + reference.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The filters {@link ApiRouting} adds, rate limits on, recorded from the routing builder it is given. */
    private static List<String> installedFilters() {
        List<String> filters = new ArrayList<>();
        HttpRouting.Builder real = HttpRouting.builder();
        HttpRouting.Builder recording = (HttpRouting.Builder) Proxy.newProxyInstance(
                DocsTruthTest.class.getClassLoader(), new Class<?>[] {HttpRouting.Builder.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("addFilter")) {
                        filters.add(((Filter) args[0]).getClass().getSimpleName());
                    }
                    try {
                        Object result = method.invoke(real, args);
                        return result == real ? proxy : result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (App app = App.create(TestSettings.fresh(Map.of("ratelimit.enabled", "true")), Clock.systemUTC())) {
            new ApiRouting(app, new TrafficReadiness()).setup(recording);
        }
        return filters;
    }
}
