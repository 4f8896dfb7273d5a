package io.fullstackhelidon.contract.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "user@example.com|user@example.com",
            "User.Name+tag@Example.COM|User.Name+tag@example.com",
            "'  padded@example.com  '|padded@example.com",
            "Jane Doe <jane@Example.org>|jane@example.org",
            "\"Doe, Jane\" <jane@example.org>|jane@example.org",
            "ñandú@example.com|ñandú@example.com",
            "user@bücher.de|user@bücher.de"})
    void normalisesTheDomainOnly(String input, String normalized) throws Exception {
        assertThat(EmailAddress.normalize(input)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not-an-email|An email address must have an @-sign.",
            "@example.com|There must be something before the @-sign.",
            "user@|There must be something after the @-sign.",
            "user@localhost|The part after the @-sign is not valid. It should have a period.",
            "user@example.test|The part after the @-sign is a special-use or reserved name that cannot be used with email.",
            "user@my.local|The part after the @-sign is a special-use or reserved name that cannot be used with email.",
            "user@example.123|The part after the @-sign is not valid. It is not within a valid top-level domain.",
            "us er@example.com|The email address contains invalid characters before the @-sign: SPACE.",
            "us<er@example.com|The email address contains invalid characters before the @-sign: '<'.",
            ".user@example.com|An email address cannot start with a period.",
            "user.@example.com|An email address cannot have a period immediately before the @-sign.",
            "us..er@example.com|An email address cannot have two periods in a row.",
            "user@.example.com|An email address cannot have a period immediately after the @-sign.",
            "user@example.com.|An email address cannot end with a period.",
            "user@-example.com|An email address cannot have a hyphen immediately after the @-sign.",
            "user@exa mple.com|The part after the @-sign contains invalid characters: SPACE."})
    void rejectsWithEmailValidatorsReasons(String input, String reason) {
        assertThatThrownBy(() -> EmailAddress.normalize(input))
                .isInstanceOf(EmailAddress.InvalidEmailException.class)
                .hasMessage(reason);
    }

    @Test
    void limitsLengths() {
        assertThatThrownBy(() -> EmailAddress.normalize("a".repeat(65) + "@example.com"))
                .hasMessage("The email address is too long before the @-sign (1 character too many).");
        assertThatThrownBy(() -> EmailAddress.normalize("a".repeat(2049)))
                .hasMessage("Length must not exceed 2048 characters");
        assertThatThrownBy(() -> EmailAddress.normalize("a@" + "b".repeat(64) + ".com"))
                .hasMessage("After the @-sign, periods cannot be separated by so many characters "
                            + "(1 character too many).");
    }
}
