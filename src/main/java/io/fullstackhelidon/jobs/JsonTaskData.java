package io.fullstackhelidon.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

/** Job data as JSON rather than Java serialization: readable in the table, and safe to read back. */
final class JsonTaskData implements Serializer {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public byte[] serialize(Object data) {
        try {
            return mapper.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException("Job data could not be written as JSON", e);
        }
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] json) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Job data could not be read as " + type.getSimpleName(), e);
        }
    }
}
