package io.fullstackhelidon.contract.validation;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UuidTextTest {

    private static final UUID ID = UUID.fromString("a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d");

    @ParameterizedTest
    @CsvSource({
            "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d",
            "A0B1C2D3-E4F5-4A6B-8C7D-9E0F1A2B3C4D",
            "a0b1c2d3e4f54a6b8c7d9e0f1a2b3c4d",
            "{a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d}",
            "urn:uuid:a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"})
    void acceptsPydanticsSpellings(String text) throws Exception {
        assertThat(UuidText.parse(text)).isEqualTo(ID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not-a-uuid|invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1",
            "123|invalid length: expected length 32 for simple format, found 3",
            "a0b1c2d3-e4f5-4a6b-8c7d|invalid group count: expected 5, found 4",
            "a0b1c2d-3e4f5-4a6b-8c7d-9e0f1a2b3c4d|invalid group length in group 0: expected 8, found 7",
            "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4dd|invalid group length in group 4: expected 12, found 13",
            "{a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4g}|invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `g` at 37"})
    void explainsLikeTheRustUuidCrate(String text, String reason) {
        assertThatThrownBy(() -> UuidText.parse(text))
                .isInstanceOf(UuidText.InvalidUuidException.class)
                .hasMessage(reason);
    }

    @Test
    void javasLenientFormsAreNotUuids() {
        assertThatThrownBy(() -> UuidText.parse("1-1-1-1-1")).isInstanceOf(UuidText.InvalidUuidException.class);
    }
}
