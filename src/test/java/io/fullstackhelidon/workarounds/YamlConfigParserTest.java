package io.fullstackhelidon.workarounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.fullstackhelidon.infra.config.AppConfig;

import io.helidon.config.Config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigParserTest {

    private static Config load(Path directory, String yaml) throws IOException {
        Files.writeString(directory.resolve("app.yaml"), yaml);
        return AppConfig.load(directory, Map.of());
    }

    @Test
    void scalarsBecomeTheirStringFormsAsInHelidonsParser(@TempDir Path directory) throws IOException {
        Config config = load(directory, """
                sample:
                  port: 9001
                  ratio: 1.5
                  enabled: true
                  empty:
                  tilde: ~
                  text: plain words
                """);

        assertThat(config.get("sample.port").asInt().get()).isEqualTo(9001);
        assertThat(config.get("sample.ratio").asString().get()).isEqualTo("1.5");
        assertThat(config.get("sample.enabled").asBoolean().get()).isTrue();
        assertThat(config.get("sample.empty").asString().get()).isEmpty();
        assertThat(config.get("sample.tilde").asString().get()).isEmpty();
        assertThat(config.get("sample.text").asString().get()).isEqualTo("plain words");
    }

    @Test
    void plainValuesStayAsWrittenYesOnAndLeadingZerosIncluded(@TempDir Path directory) throws IOException {
        Config config = load(directory, """
                sample:
                  answer: yes
                  switch: on
                  mode: 0777
                """);

        assertThat(config.get("sample.answer").asString().get()).isEqualTo("yes");
        assertThat(config.get("sample.switch").asString().get()).isEqualTo("on");
        assertThat(config.get("sample.mode").asString().get()).isEqualTo("0777");
    }

    @Test
    void listsAndNestedObjectsAreNodes(@TempDir Path directory) throws IOException {
        Config config = load(directory, """
                sample:
                  origins: [http://a.example.com, http://b.example.com]
                  servers:
                    - host: one
                      port: 1
                    - host: two
                      port: 2
                """);

        assertThat(config.get("sample.origins").asList(String.class).get())
                .containsExactly("http://a.example.com", "http://b.example.com");
        assertThat(config.get("sample.servers.1.host").asString().get()).isEqualTo("two");
        assertThat(config.get("sample.servers.0.port").asInt().get()).isEqualTo(1);
    }

    @Test
    void mergeKeysBringAnchoredEntriesAndOwnKeysWin(@TempDir Path directory) throws IOException {
        Config config = load(directory, """
                defaults: &defaults
                  host: base.example.com
                  port: 25
                sample:
                  <<: *defaults
                  port: 587
                """);

        assertThat(config.get("sample.host").asString().get()).isEqualTo("base.example.com");
        assertThat(config.get("sample.port").asInt().get()).isEqualTo(587);
        assertThat(config.get("sample").asNodeList().get()).extracting(Config::name)
                .containsExactlyInAnyOrder("host", "port");
    }

    @Test
    void duplicateKeysAreRefusedWithTheirName(@TempDir Path directory) {
        assertThatThrownBy(() -> load(directory, """
                sample:
                  port: 1
                  port: 2
                """).get("sample.port").asInt().get())
                .hasStackTraceContaining("duplicate key port");
    }

    @Test
    void anEmptyFileIsAnEmptyConfiguration(@TempDir Path directory) throws IOException {
        Config config = load(directory, "");

        assertThat(config.get("server.port").exists()).isTrue();
        assertThat(Yaml12.load(new StringReader(""))).isNull();
    }

    @Test
    void mergeKeysWorkInDocumentsToo() {
        Object document = Yaml12.load(new StringReader("""
                base: &base {a: 1, b: 2}
                list: [*base, {<<: *base, b: 3, c: 4}]
                """));

        assertThat(document).isEqualTo(Map.of(
                "base", Map.of("a", 1, "b", 2),
                "list", List.of(Map.of("a", 1, "b", 2), Map.of("a", 1, "b", 3, "c", 4))));
    }
}
