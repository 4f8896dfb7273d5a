package io.fullstackhelidon.infra.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment variables of the full-stack-fastapi-template backend, mapped onto our configuration keys, so that
 * an operator's existing {@code .env} or deployment environment drives this service unchanged.
 */
final class TemplateEnvironment {

    private static final Map<String, String> CONFIG_KEY_BY_VARIABLE = Map.ofEntries(
            Map.entry("PROJECT_NAME", "app.project-name"),
            Map.entry("FASTAPI_ENV", "app.environment"),
            Map.entry("API_V1_STR", "app.api-prefix"),
            Map.entry("FRONTEND_HOST", "app.frontend-host"),
            Map.entry("FRONTEND_DIR", "frontend.dir"),
            Map.entry("BACKEND_CORS_ORIGINS", "app.cors-origins"),
            Map.entry("SECRET_KEY", "security.secret-key"),
            Map.entry("ACCESS_TOKEN_EXPIRE_MINUTES", "security.access-token-expire-minutes"),
            Map.entry("EMAIL_RESET_TOKEN_EXPIRE_HOURS", "security.email-reset-token-expire-hours"),
            Map.entry("SMTP_HOST", "mail.host"),
            Map.entry("SMTP_PORT", "mail.port"),
            Map.entry("SMTP_TLS", "mail.tls"),
            Map.entry("SMTP_SSL", "mail.ssl"),
            Map.entry("SMTP_USER", "mail.user"),
            Map.entry("SMTP_PASSWORD", "mail.password"),
            Map.entry("EMAILS_FROM_EMAIL", "mail.from-email"),
            Map.entry("EMAILS_FROM_NAME", "mail.from-name"),
            Map.entry("FIRST_SUPERUSER", "first-superuser.email"),
            Map.entry("FIRST_SUPERUSER_PASSWORD", "first-superuser.password"),
            Map.entry("DATABASE_URL", "database.url"),
            Map.entry("SENTRY_DSN", "sentry.dsn"),
            Map.entry("REDIS_URL", "redis.url"),
            Map.entry("PREVIOUS_SECRET_KEYS", "security.previous-secret-keys"),
            Map.entry("LOG_FORMAT", "log.format"),
            // the template's older, split form of the database settings
            Map.entry("POSTGRES_SERVER", "database.postgres.server"),
            Map.entry("POSTGRES_PORT", "database.postgres.port"),
            Map.entry("POSTGRES_USER", "database.postgres.user"),
            Map.entry("POSTGRES_PASSWORD", "database.postgres.password"),
            Map.entry("POSTGRES_DB", "database.postgres.db"));

    private TemplateEnvironment() {
    }

    /** The configuration entries for the template variables present in {@code variables}; empty values count as unset. */
    static Map<String, String> toConfigKeys(Map<String, String> variables) {
        Map<String, String> entries = new HashMap<>();
        CONFIG_KEY_BY_VARIABLE.forEach((variable, key) -> {
            String value = variables.get(variable);
            if (value != null && !value.isBlank()) {
                entries.put(key, value);
            }
        });
        return entries;
    }
}
