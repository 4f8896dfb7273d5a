package io.fullstackhelidon.infra.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.fullstackhelidon.infra.security.SealedData;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

/**
 * Job data as JSON (not Java serialization, which is unsafe to read back), sealed before it reaches the table: a job
 * may carry a password or a reset link for as long as its retries last, and no row, dump or backup may show them.
 */
final class SealedJsonTaskData implements Serializer {

    private static final byte LEGACY_PLAIN_JSON = '{';

    private final ObjectMapper mapper = new ObjectMapper();
    private final SealedData seal;

    SealedJsonTaskData(SealedData seal) {
        this.seal = seal;
    }

    @Override
    public byte[] serialize(Object data) {
        try {
            return seal.seal(mapper.writeValueAsBytes(data));
        } catch (IOException e) {
            throw new UncheckedIOException("Job data could not be written as JSON", e);
        }
    }

    /** Rows queued before sealing began hold plain JSON; they are read as such so that no queued message is lost. */
    @Override
    public <T> T deserialize(Class<T> type, byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            return mapper.readValue(stored.length > 0 && stored[0] == LEGACY_PLAIN_JSON ? stored : seal.open(stored),
                                    type);
        } catch (IOException e) {
            throw new UncheckedIOException("Job data could not be read as " + type.getSimpleName(), e);
        }
    }
}
