package io.fullstackhelidon.infra.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DotEnvFileTest {

    @Test
    void readsTheTemplatesDotEnvSyntax() {
        Map<String, String> variables = DotEnvFile.parse("""
                # Domain
                DOMAIN=localhost
                PROJECT_NAME="Full Stack FastAPI Project"
                export SECRET_KEY='single quoted # not a comment'
                SMTP_TLS=False  # trailing comment
                EMPTY=
                not a variable line
                """);

        assertThat(variables).containsExactly(
                Map.entry("DOMAIN", "localhost"),
                Map.entry("PROJECT_NAME", "Full Stack FastAPI Project"),
                Map.entry("SECRET_KEY", "single quoted # not a comment"),
                Map.entry("SMTP_TLS", "False"),
                Map.entry("EMPTY", ""));
    }
}
