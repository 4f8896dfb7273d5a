package io.fullstackhelidon.infra.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.fullstackhelidon.workarounds.YamlConfigParser;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;
import io.helidon.config.spi.ConfigSource;

/**
 * Builds the service's configuration. Precedence, highest first: system properties, environment variables, the
 * {@code .env} file of the working directory, {@code app.yaml} of the working directory, and the defaults in the
 * classpath {@code application.yaml}. Environment variables are read both in Helidon's form ({@code SERVER_PORT})
 * and under the template backend's names ({@code DATABASE_URL}, {@code SECRET_KEY}, ...).
 */
public final class AppConfig {

    private static final String DEFAULTS = "application.yaml";

    private AppConfig() {
    }

    /** The configuration of a service started in {@code workingDirectory} with the given process environment. */
    public static Config load(Path workingDirectory, Map<String, String> environment) {
        return build(List.of(
                ConfigSources.systemProperties(),
                environmentSource(environment, "environment variables"),
                environmentSource(DotEnvFile.read(workingDirectory.resolve(".env")), ".env"),
                ConfigSources.file(workingDirectory.resolve("app.yaml")).optional(true),
                ConfigSources.classpath(DEFAULTS)));
    }

    /**
     * A configuration made of explicit entries over an environment over the classpath defaults, ignoring the working
     * directory and the process: what tests and tools use to get a reproducible setup.
     */
    public static Config of(Map<String, String> entries, Map<String, String> environment) {
        return build(List.of(
                ConfigSources.create(entries, "explicit entries"),
                environmentSource(environment, "environment"),
                ConfigSources.classpath(DEFAULTS)));
    }

    private static Config build(List<Supplier<? extends ConfigSource>> sources) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .disableParserServices()
                .addParser(new YamlConfigParser())
                .sources(sources)
                .build();
    }

    private static Supplier<? extends ConfigSource> environmentSource(Map<String, String> variables, String name) {
        Map<String, String> nonEmpty = new HashMap<>();
        variables.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                nonEmpty.put(key, value);
            }
        });
        Map<String, String> entries = new HashMap<>(EnvironmentVariables.expand(nonEmpty));
        entries.putAll(TemplateEnvironment.toConfigKeys(nonEmpty));
        return ConfigSources.create(entries, name);
    }
}
