package io.fullstackhelidon.infra.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The template backend's environment variables drive this service unchanged (contract section 7). */
class SettingsTest {

    private static final Map<String, String> REQUIRED = Map.of(
            "PROJECT_NAME", "Full Stack FastAPI Project",
            "SECRET_KEY", "a-long-and-random-secret",
            "FIRST_SUPERUSER", "admin@example.com",
            "FIRST_SUPERUSER_PASSWORD", "a-strong-password");

    @Test
    void templateVariablesAreHonoured() {
        Map<String, String> environment = new HashMap<>(REQUIRED);
        environment.put("FASTAPI_ENV", "development");
        environment.put("ACCESS_TOKEN_EXPIRE_MINUTES", "60");
        environment.put("FRONTEND_HOST", "https://dashboard.example.com");
        environment.put("BACKEND_CORS_ORIGINS", "https://a.example.com, https://b.example.com/");
        environment.put("API_V1_STR", "/api/v2");
        environment.put("DATABASE_URL", "postgresql+psycopg://app:p%40ss@db.internal:5433/appdb?sslmode=require");

        Settings settings = Settings.from(AppConfig.of(Map.of(), environment));

        assertThat(settings.projectName()).isEqualTo("Full Stack FastAPI Project");
        assertThat(settings.development()).isTrue();
        assertThat(settings.apiPrefix()).isEqualTo("/api/v2");
        assertThat(settings.security().secretKey()).isEqualTo("a-long-and-random-secret");
        assertThat(settings.security().accessTokenLifetime()).isEqualTo(Duration.ofMinutes(60));
        assertThat(settings.firstSuperuser().email()).isEqualTo("admin@example.com");
        assertThat(settings.firstSuperuser().password()).isEqualTo("a-strong-password");
        assertThat(settings.frontendHost()).isEqualTo("https://dashboard.example.com");
        assertThat(settings.corsOrigins())
                .containsExactly("https://dashboard.example.com", "https://a.example.com", "https://b.example.com");
        assertThat(settings.database().jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.internal:5433/appdb?sslmode=require&stringtype=unspecified");
        assertThat(settings.database().username()).isEqualTo("app");
        assertThat(settings.database().password()).isEqualTo("p@ss");
    }

    @Test
    void smtpVariablesEnableEmail() {
        Map<String, String> environment = new HashMap<>(REQUIRED);
        environment.putAll(Map.of("SMTP_HOST", "mailpit", "SMTP_PORT", "1025", "SMTP_TLS", "False",
                                  "SMTP_USER", "postmaster", "SMTP_PASSWORD", "pw",
                                  "EMAILS_FROM_EMAIL", "info@example.com", "EMAIL_RESET_TOKEN_EXPIRE_HOURS", "2"));

        Settings settings = Settings.from(AppConfig.of(Map.of(), environment));

        assertThat(settings.mail().enabled()).isTrue();
        assertThat(settings.mail().host()).hasValue("mailpit");
        assertThat(settings.mail().port()).isEqualTo(1025);
        assertThat(settings.mail().startTls()).isFalse();
        assertThat(settings.mail().ssl()).isFalse();
        assertThat(settings.mail().user()).hasValue("postmaster");
        assertThat(settings.mail().fromName()).isEqualTo("Full Stack FastAPI Project");
        assertThat(settings.security().resetTokenLifetime()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void emailNeedsBothAHostAndASender() {
        Map<String, String> hostOnly = new HashMap<>(REQUIRED);
        hostOnly.put("SMTP_HOST", "mailpit");

        Settings settings = Settings.from(AppConfig.of(Map.of(), hostOnly));

        assertThat(settings.mail().enabled()).isFalse();
        assertThat(settings.mail().startTls()).isTrue();
        assertThat(settings.mail().port()).isEqualTo(587);
        assertThat(settings.security().resetTokenLifetime()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void defaultsMatchTheTemplate() {
        Settings settings = Settings.from(AppConfig.of(Map.of(), REQUIRED));

        assertThat(settings.development()).isFalse();
        assertThat(settings.apiPrefix()).isEqualTo("/api/v1");
        assertThat(settings.security().accessTokenLifetime()).isEqualTo(Duration.ofDays(8));
        assertThat(settings.frontendHost()).isEqualTo("http://localhost:5173");
        assertThat(settings.corsOrigins()).containsExactly("http://localhost:5173");
        assertThat(settings.security().passwordHash()).as("argon2-cffi's parameters, which the template's hashes carry")
                .isEqualTo(new Settings.PasswordHashSettings(65536, 3, 4, Settings.PasswordHashSettings
                        .defaultConcurrency(65536), Duration.ofSeconds(30)));
    }

    @Test
    void argon2RunsOneHashPerCoreAndKeepsAQuarterOfTheMemoryAtMost() {
        long mib = 1024 * 1024;

        assertThat(Settings.PasswordHashSettings.concurrencyFor(2, 23 * 1024 * mib, 65536)).isEqualTo(2);
        assertThat(Settings.PasswordHashSettings.concurrencyFor(16, 512 * mib, 65536)).as("a 512 MiB pod").isEqualTo(2);
        assertThat(Settings.PasswordHashSettings.concurrencyFor(16, 200 * mib, 65536)).isEqualTo(1);
        assertThat(Settings.PasswordHashSettings.concurrencyFor(4, 64 * mib, 65536)).as("never none").isEqualTo(1);
    }

    @Test
    void everyDefaultComesFromApplicationYaml() {
        Config withoutDefaults = Config.just(ConfigSources.create(Map.of(
                "app.project-name", "p", "security.secret-key", "k", "first-superuser.email", "a@example.com",
                "first-superuser.password", "secret-password")));

        assertThatThrownBy(() -> Settings.from(withoutDefaults))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The configuration has no app.frontend-host: application.yaml must set it");
    }

    @Test
    void withoutDatabaseUrlTheEmbeddedDatabaseIsUsedAndEmptyMeansUnset() {
        Map<String, String> environment = new HashMap<>(REQUIRED);
        environment.put("DATABASE_URL", "");

        Settings settings = Settings.from(AppConfig.of(Map.of(), environment));

        assertThat(settings.database().isH2()).isTrue();
        assertThat(settings.database().jdbcUrl()).startsWith("jdbc:h2:file:./data/app;MODE=PostgreSQL");
    }

    @Test
    void otherPostgresSpellingsAndTheSplitVariables() {
        Map<String, String> environment = new HashMap<>(REQUIRED);
        environment.put("DATABASE_URL", "postgres://u:p@localhost/db");
        assertThat(Settings.from(AppConfig.of(Map.of(), environment)).database().jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/db?stringtype=unspecified");

        Map<String, String> split = new HashMap<>(REQUIRED);
        split.putAll(Map.of("POSTGRES_SERVER", "db", "POSTGRES_USER", "postgres", "POSTGRES_PASSWORD", "secret",
                            "POSTGRES_DB", "app"));
        DatabaseSettings database = Settings.from(AppConfig.of(Map.of(), split)).database();
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app?stringtype=unspecified");
        assertThat(database.password()).isEqualTo("secret");
    }

    @Test
    void missingRequiredVariablesAreNamed() {
        Map<String, String> environment = new HashMap<>(REQUIRED);
        environment.remove("SECRET_KEY");

        assertThatThrownBy(() -> Settings.from(AppConfig.of(Map.of(), environment)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SECRET_KEY is required");
    }

    @Test
    void aMalformedDatabaseUrlIsExplainedWithoutItsPassword() {
        Map<String, String> environment = new HashMap<>(REQUIRED);
        environment.put("DATABASE_URL", "mysql://root:hunter2@db/app");

        assertThatThrownBy(() -> Settings.from(AppConfig.of(Map.of(), environment)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("postgresql://user:password@host:5432/db")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void environmentBeatsDotEnvWhichBeatsAppYaml(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("app.yaml"), """
                app:
                  project-name: from app.yaml
                  frontend-host: https://from-app-yaml.example.com
                security:
                  secret-key: from-app-yaml
                first-superuser:
                  email: yaml@example.com
                  password: from-app-yaml
                """);
        Files.writeString(directory.resolve(".env"), """
                SECRET_KEY=from-dot-env
                FRONTEND_HOST=https://from-dot-env.example.com
                """);

        Settings settings = Settings.from(AppConfig.load(directory, Map.of("SECRET_KEY", "from-environment")));

        assertThat(settings.security().secretKey()).isEqualTo("from-environment");
        assertThat(settings.frontendHost()).isEqualTo("https://from-dot-env.example.com");
        assertThat(settings.projectName()).isEqualTo("from app.yaml");
        assertThat(settings.security().accessTokenLifetime()).isEqualTo(Duration.ofMinutes(11520));
    }

    @Test
    void helidonStyleVariablesStillWork(@TempDir Path directory) {
        Map<String, String> environment = new HashMap<>(REQUIRED);
        environment.put("SERVER_PORT", "9999");

        assertThat(AppConfig.load(directory, environment).get("server.port").asInt().get()).isEqualTo(9999);
    }
}
