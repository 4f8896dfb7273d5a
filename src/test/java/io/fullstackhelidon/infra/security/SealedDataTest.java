package io.fullstackhelidon.infra.security;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedDataTest {

    private static final byte[] SECRET = "the reset link https://example.com/reset-password?token=abc".getBytes(
            StandardCharsets.UTF_8);

    @Test
    void sealedDataOpensToWhatWasSealedAndShowsNoneOfIt() {
        SealedData seal = new SealedData("job data", "current-key", List.of());

        byte[] sealed = seal.seal(SECRET);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("reset", "token", "example");
        assertThat(seal.open(sealed)).isEqualTo(SECRET);
        assertThat(seal.seal(SECRET)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void afterARotationDataSealedUnderThePreviousKeyStillOpensAndNewDataUsesTheNewKey() {
        byte[] sealedBefore = new SealedData("job data", "old-key", List.of()).seal(SECRET);
        SealedData rotated = new SealedData("job data", "new-key", List.of("old-key"));

        assertThat(rotated.open(sealedBefore)).isEqualTo(SECRET);
        byte[] sealedAfter = rotated.seal(SECRET);
        assertThat(new SealedData("job data", "new-key", List.of()).open(sealedAfter)).isEqualTo(SECRET);
        assertThatThrownBy(() -> new SealedData("job data", "old-key", List.of()).open(sealedAfter))
                .isInstanceOf(SealedData.UnreadableDataException.class);
    }

    @Test
    void alteredDataForeignKeysAndOtherPurposesDoNotOpen() {
        SealedData seal = new SealedData("job data", "key", List.of());
        byte[] sealed = seal.seal(SECRET);
        byte[] altered = sealed.clone();
        altered[altered.length / 2] ^= 1;

        assertThatThrownBy(() -> seal.open(altered)).isInstanceOf(SealedData.UnreadableDataException.class);
        assertThatThrownBy(() -> new SealedData("another purpose", "key", List.of()).open(sealed))
                .isInstanceOf(SealedData.UnreadableDataException.class);
        assertThatThrownBy(() -> seal.open(new byte[5])).isInstanceOf(SealedData.UnreadableDataException.class);
    }

    /** RFC 5869, test case 3 (no salt, no info): the first 32 bytes of its output key material. */
    @Test
    void keyDerivationIsHkdfSha256() {
        byte[] ikm = new byte[22];
        java.util.Arrays.fill(ikm, (byte) 0x0b);

        assertThat(HexFormat.of().formatHex(SealedData.hkdfSha256(ikm, new byte[0])))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d");
    }
}
