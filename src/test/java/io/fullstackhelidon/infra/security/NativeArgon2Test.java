package io.fullstackhelidon.infra.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import de.mkammerer.argon2.Argon2Factory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's own call of argon2 (kept memory, lanes on one thread) and its PHC strings against argon2-jvm's
 * encoded hashing, which runs argon2's own allocation, threads and encoder.
 */
class NativeArgon2Test {

    private static final byte[] SALT = "sixteen-byte-slt".getBytes(StandardCharsets.US_ASCII);

    @Test
    void digestsAndTheirEncodingAreTheLibrarysOwn() {
        NativeArgon2 argon2 = new NativeArgon2(1024);
        for (int lanes : new int[] {1, 4}) {
            String library = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id)
                    .hash(2, 1024, lanes, "changethis".toCharArray(), StandardCharsets.UTF_8, SALT);
            Argon2Hash parameters = new Argon2Hash(Argon2Hash.ARGON2ID, Argon2Hash.VERSION_13, 1024, 2, lanes, SALT,
                                                   new byte[32]);

            for (int round = 0; round < 3; round++) {
                NativeArgon2.Result result = argon2.compute(parameters, "changethis".getBytes(StandardCharsets.UTF_8));
                assertThat(result.code()).isEqualTo(NativeArgon2.ARGON2_OK);
                assertThat(parameters.with(SALT, result.digest()).encoded())
                        .as("lanes %d, round %d (the kept memory reused)", lanes, round).isEqualTo(library);
            }
            assertThat(Argon2Hash.parse(library)).hasValueSatisfying(parsed -> {
                assertThat(parsed.encoded()).isEqualTo(library);
                assertThat(parsed.salt()).isEqualTo(SALT);
            });
        }
    }

    /** Computations at once each get a matrix of their own: no digest is spoiled by another's writes. */
    @Test
    void concurrentComputationsDoNotShareAMatrix() throws Exception {
        NativeArgon2 argon2 = new NativeArgon2(2048);
        String library = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id)
                .hash(3, 2048, 4, "changethis".toCharArray(), StandardCharsets.UTF_8, SALT);
        Argon2Hash parameters = Argon2Hash.parse(library).orElseThrow();
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                results.add(threads.submit(() -> parameters.with(SALT, argon2.compute(
                        parameters, "changethis".getBytes(StandardCharsets.UTF_8)).digest()).encoded()));
            }
            for (Future<String> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(library);
            }
        }
    }

    @Test
    void aCostAboveTheKeptMemoryGetsArgon2sOwnAllocation() {
        NativeArgon2 argon2 = new NativeArgon2(64);
        String library = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id)
                .hash(1, 256, 1, "changethis".toCharArray(), StandardCharsets.UTF_8, SALT);

        Argon2Hash parameters = Argon2Hash.parse(library).orElseThrow();

        NativeArgon2.Result result = argon2.compute(parameters, "changethis".getBytes(StandardCharsets.UTF_8));

        assertThat(parameters.with(SALT, result.digest()).encoded()).isEqualTo(library);
    }

    @Test
    void versionOneZeroIsReadWhereNoVersionIsWritten() {
        assertThat(Argon2Hash.parse("$argon2i$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A"))
                .hasValueSatisfying(parsed -> assertThat(parsed.version()).isEqualTo(16));
    }

    @Test
    void malformedStringsAreNoHash() {
        for (String malformed : new String[] {"", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ",
                "$argon2id$v=18$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaA", "$argon2id$v=19$m=-1,t=3,p=4$c2FsdHNhbHQ$aGFzaA",
                "$argon2id$v=19$m=4294967296,t=3,p=4$c2FsdHNhbHQ$aGFzaA",
                "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ=$aGFzaA", "$argon2id$v=19$m=65536,t=3,p=4$c$aGFzaA",
                "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaA$"}) {
            assertThat(Argon2Hash.parse(malformed)).as(malformed).isEmpty();
        }
    }
}
