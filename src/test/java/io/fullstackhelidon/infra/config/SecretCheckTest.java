package io.fullstackhelidon.infra.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.fullstackhelidon.App;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The template's guard against its placeholder secret {@code changethis}. */
class SecretCheckTest {

    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "PROJECT_NAME", "p",
            "SECRET_KEY", "changethis",
            "FIRST_SUPERUSER", "admin@example.com",
            "FIRST_SUPERUSER_PASSWORD", "changethis",
            "DATABASE_URL", "postgresql://postgres:changethis@localhost:1/app");

    @Test
    void outsideDevelopmentTheServiceRefusesToStart() {
        Settings settings = Settings.from(AppConfig.of(Map.of(), PLACEHOLDERS));

        assertThatThrownBy(() -> App.create(settings, Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The value of SECRET_KEY is \"changethis\", for security, please change it, "
                                      + "at least for deployments.")
                .hasMessageContaining("The value of POSTGRES_PASSWORD is \"changethis\"")
                .hasMessageContaining("The value of FIRST_SUPERUSER_PASSWORD is \"changethis\"");
    }

    @Test
    void inDevelopmentItOnlyWarns() {
        Map<String, String> environment = new HashMap<>(PLACEHOLDERS);
        environment.put("FASTAPI_ENV", "development");

        assertThat(SecretCheck.check(Settings.from(AppConfig.of(Map.of(), environment)))).hasSize(3);
    }

    @Test
    void realSecretsPass() {
        Map<String, String> environment = new HashMap<>(PLACEHOLDERS);
        environment.putAll(Map.of("SECRET_KEY", "s3cr3t", "FIRST_SUPERUSER_PASSWORD", "pw",
                                  "DATABASE_URL", "postgresql://postgres:other@localhost/app"));

        assertThat(SecretCheck.check(Settings.from(AppConfig.of(Map.of(), environment)))).isEmpty();
    }
}
