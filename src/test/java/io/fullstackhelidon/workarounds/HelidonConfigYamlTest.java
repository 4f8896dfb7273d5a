package io.fullstackhelidon.workarounds;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Why {@code app.yaml} and {@code application.yaml} are not parsed by helidon-config-yaml
 * (docs/decisions/0001-yaml-1.2-configuration.md): the same expectations, what an operator wrote is what the service
 * uses, hold with our parser and fail with Helidon's. Should Helidon's parser start meeting them, the second test
 * fails, and the decision is to be taken again.
 */
class HelidonConfigYamlTest {

    /** Plain values as operators write them in app.yaml (the template's own .env has such values unquoted). */
    private static final String WRITTEN = """
            first-superuser:
              password: 01234567
            mail:
              password: 0777
            app:
              project-name: No
            security:
              secret-key: on
            """;

    private static final String DUPLICATED = """
            security:
              secret-key: first
            security:
              access-token-expire-minutes: 5
            """;

    @Test
    void ourParserKeepsWhatWasWrittenAndRefusesDuplicates() {
        valuesStayAsWritten(new YamlConfigParser());
        duplicateKeysAreRefused(new YamlConfigParser());
    }

    @Test
    void helidonsParserChangesSecretsAndNamesAndDropsDuplicatedBlocks() {
        ConfigParser helidon = io.helidon.config.yaml.YamlConfigParser.create();

        assertThatThrownBy(() -> valuesStayAsWritten(helidon)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> duplicateKeysAreRefused(helidon)).isInstanceOf(AssertionError.class);
        Config read = config(helidon, WRITTEN);
        assertThat(read.get("first-superuser.password").asString().get()).as("a password, read as octal")
                .isEqualTo("342391");
        assertThat(read.get("mail.password").asString().get()).as("an SMTP password, read as octal").isEqualTo("511");
        assertThat(read.get("app.project-name").asString().get()).isEqualTo("false");
        assertThat(read.get("security.secret-key").asString().get()).isEqualTo("true");
        assertThat(config(helidon, DUPLICATED).get("security.secret-key").exists())
                .as("the first security block is silently gone").isFalse();
    }

    private static void valuesStayAsWritten(ConfigParser parser) {
        Config read = config(parser, WRITTEN);
        assertThat(read.get("first-superuser.password").asString().get()).isEqualTo("01234567");
        assertThat(read.get("mail.password").asString().get()).isEqualTo("0777");
        assertThat(read.get("app.project-name").asString().get()).isEqualTo("No");
        assertThat(read.get("security.secret-key").asString().get()).isEqualTo("on");
    }

    private static void duplicateKeysAreRefused(ConfigParser parser) {
        assertThatThrownBy(() -> config(parser, DUPLICATED).get("security.secret-key").asString().get())
                .hasStackTraceContaining("duplicate key security");
    }

    private static Config config(ConfigParser parser, String yaml) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .disableParserServices()
                .addParser(parser)
                .sources(ConfigSources.create(yaml, MediaTypes.create("application/x-yaml")))
                .build();
    }
}
