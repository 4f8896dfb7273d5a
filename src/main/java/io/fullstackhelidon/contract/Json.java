package io.fullstackhelidon.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * JSON in and out, the way the template backend writes it: snake_case keys in declaration order, nulls kept,
 * timestamps as ISO-8601 UTC with microseconds only when non-zero. Bodies go out with a Content-Length in one write.
 */
public final class Json {

    /** Request bodies nest a couple of levels; anything deeper is an attack on the parser. */
    static final int MAX_NESTING_DEPTH = 32;
    /** No field takes more than the body limit; longer strings fail fast instead of filling memory. */
    static final int MAX_STRING_LENGTH = 1 << 20;
    static final int MAX_NUMBER_LENGTH = 100;

    private final ObjectMapper mapper;

    public Json() {
        JsonFactory limited = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                                               .maxNestingDepth(MAX_NESTING_DEPTH)
                                               .maxStringLength(MAX_STRING_LENGTH)
                                               .maxNumberLength(MAX_NUMBER_LENGTH)
                                               .build())
                .build();
        this.mapper = JsonMapper.builder(limited)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new SimpleModule().addSerializer(Instant.class, new UtcTimestampSerializer()))
                // Python's json module, which the template parses with, accepts NaN and Infinity
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Parses a complete JSON document. */
    public JsonNode parse(String text) throws JsonProcessingException {
        return mapper.readTree(text);
    }

    public byte[] bytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code body} as JSON with status 200. */
    public void send(ServerResponse response, Object body) {
        send(response, Status.OK_200, body);
    }

    /** Sends {@code body} as JSON. */
    public void send(ServerResponse response, Status status, Object body) {
        response.status(status)
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .send(bytes(body));
    }

    /**
     * {@code 2026-08-21T19:41:30.123456Z}, or {@code 2026-08-21T19:41:30Z} when the microseconds are zero. Written
     * digit by digit: a list of 100 items formats 100 timestamps, and a formatter per value was a tenth of its cost.
     */
    static final class UtcTimestampSerializer extends StdSerializer<Instant> {

        UtcTimestampSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(format(value));
        }

        static String format(Instant value) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC);
            int micros = value.getNano() / 1000;
            StringBuilder text = new StringBuilder(27);
            digits(text, time.getYear(), 4).append('-');
            digits(text, time.getMonthValue(), 2).append('-');
            digits(text, time.getDayOfMonth(), 2).append('T');
            digits(text, time.getHour(), 2).append(':');
            digits(text, time.getMinute(), 2).append(':');
            digits(text, time.getSecond(), 2);
            if (micros != 0) {
                digits(text.append('.'), micros, 6);
            }
            return text.append('Z').toString();
        }

        /** {@code value} with leading zeros to {@code width} digits (wider values as they are). */
        private static StringBuilder digits(StringBuilder text, int value, int width) {
            String digits = Integer.toString(value);
            for (int i = digits.length(); i < width; i++) {
                text.append('0');
            }
            return text.append(digits);
        }
    }
}
