package io.fullstackhelidon.infra.observability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineEncoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LoggerContext context = new LoggerContext();
    private final JsonLineEncoder encoder = new JsonLineEncoder();

    JsonLineEncoderTest() {
        encoder.setContext(context);
        encoder.start();
    }

    @Test
    void anAccessLineCarriesTheContextAndItsFiguresAsNumbers() throws Exception {
        LoggingEvent event = event("access", Level.INFO, "{} {} {} {} ms", "GET", "/api/v1/items/{id}", 200, 1.25);
        event.setMDCPropertyMap(new LinkedHashMap<>(Map.of("request_id", "r-1", "user_id", "u-1",
                                                                     "route", "/api/v1/items/{id}")));
        event.addKeyValuePair(new KeyValuePair("method", "GET"));
        event.addKeyValuePair(new KeyValuePair("status", 200));
        event.addKeyValuePair(new KeyValuePair("duration_ms", 1.25));

        String printed = new String(encoder.encode(event), StandardCharsets.UTF_8);
        JsonNode line = MAPPER.readTree(printed);

        assertThat(printed).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        assertThat(line.path("time").asText()).isEqualTo("2026-12-01T12:00:00.123456789Z");
        assertThat(line.path("message").asText()).isEqualTo("GET /api/v1/items/{id} 200 1.25 ms");
        assertThat(line.path("logger_name").asText()).isEqualTo("access");
        assertThat(line.path("thread_name").asText()).isEqualTo("worker");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("request_id").asText()).isEqualTo("r-1");
        assertThat(line.path("user_id").asText()).isEqualTo("u-1");
        assertThat(line.path("route").asText()).isEqualTo("/api/v1/items/{id}");
        assertThat(line.path("method").asText()).isEqualTo("GET");
        assertThat(line.path("status").isInt()).isTrue();
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.path("duration_ms").isDouble()).isTrue();
        assertThat(line.path("duration_ms").asDouble()).isEqualTo(1.25);
    }

    @Test
    void aFailureIsOneLineWithItsStackTraceAndEveryTextEscaped() throws Exception {
        LoggingEvent event = event("io.fullstackhelidon.Example", Level.ERROR, "quote \" and\nnewline", null);
        event.setMDCPropertyMap(Map.of());
        event.setThrowableProxy(new ThrowableProxy(new IllegalStateException("boom")));

        String printed = new String(encoder.encode(event), StandardCharsets.UTF_8);
        JsonNode line = MAPPER.readTree(printed);

        assertThat(printed).hasLineCount(1);
        assertThat(line.path("message").asText()).isEqualTo("quote \" and\nnewline");
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("stack_trace").asText()).startsWith("java.lang.IllegalStateException: boom")
                .contains("JsonLineEncoderTest");
    }

    private LoggingEvent event(String logger, Level level, String message, Object... arguments) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerContext(context);
        event.setLoggerName(logger);
        event.setLevel(level);
        event.setMessage(message);
        event.setArgumentArray(arguments == null ? null : arguments);
        event.setThreadName("worker");
        event.setInstant(Instant.parse("2026-12-01T12:00:00.123456789Z"));
        return event;
    }
}
