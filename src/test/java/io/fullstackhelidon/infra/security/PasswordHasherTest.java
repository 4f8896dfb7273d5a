package io.fullstackhelidon.infra.security;

import io.fullstackhelidon.support.TestSettings;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compatibility with the hashes the template (pwdlib: argon2-cffi, bcrypt) writes, checked with real vectors. */
class PasswordHasherTest {

    /** Made with Python: {@code argon2.PasswordHasher(3, 65536, 4, 32, 16).hash("python-made-password")}. */
    private static final String ARGON2_CFFI = "$argon2id$v=19$m=65536,t=3,p=4$zWX29l1axnqmufsyJ6vypA$"
                                              + "T9f1zsxNE85Rr/H5iacsV7d/kaGtc6nyDr3Ik8bE21k";
    /** Made with Python's bcrypt, cost 10 and 12. */
    private static final String BCRYPT_2A = "$2a$10$nqHCESG629CZDxBuKNIUm.16x08rSbYQIqKM28b0SK4tbZJGE3bxS";
    private static final String BCRYPT_2B = "$2b$12$taQUrvgHAIyar2Yulsa31emH7VcXZO/EDALccebfL5fl.xR7hZD06";
    /** Made with Debian's argon2-cffi 21 defaults (m=102400, t=2, p=8, 16-byte hash). */
    private static final String ARGON2_OLD_DEFAULTS = "$argon2id$v=19$m=102400,t=2,p=8$dnFc555IMB/HQ6uxILH+Ew$"
                                                      + "5pcIg9WmzDF8GxeJJiKMsg";
    private static final String PASSWORD = "python-made-password";

    private final PasswordHasher hasher = new PasswordHasher(TestSettings.productionPasswordHash());

    @Test
    void newHashesAreArgon2idWithTheContractParameters() {
        String hash = hasher.hash("changethis");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=65536,t=3,p=4\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("changethis", hash)).isEqualTo(new PasswordHasher.Verification(true,
                                                                 java.util.Optional.empty()));
        assertThat(hasher.verify("changethat", hash).matches()).isFalse();
    }

    @Test
    void verifiesArgon2cffiHashesWithoutRehashing() {
        PasswordHasher.Verification verification = hasher.verify(PASSWORD, ARGON2_CFFI);

        assertThat(verification.matches()).isTrue();
        assertThat(verification.upgradedHash()).isEmpty();
    }

    @Test
    void bcryptVerifiesAndAsksForAnArgon2Upgrade() {
        for (String hash : new String[] {BCRYPT_2A, BCRYPT_2B, "$2y$" + BCRYPT_2B.substring(4)}) {
            PasswordHasher.Verification verification = hasher.verify(PASSWORD, hash);
            assertThat(verification.matches()).as(hash).isTrue();
            assertThat(verification.upgradedHash()).hasValueSatisfying(
                    upgraded -> assertThat(upgraded).startsWith("$argon2id$v=19$m=65536,t=3,p=4$"));
            assertThat(hasher.verify("wrong-password", hash).matches()).isFalse();
        }
    }

    @Test
    void argon2WithOtherParametersIsUpgraded() {
        PasswordHasher.Verification verification = hasher.verify("changethis", ARGON2_OLD_DEFAULTS);

        assertThat(verification.matches()).isTrue();
        assertThat(verification.upgradedHash()).isPresent();
    }

    @Test
    void unknownFormatsNeverMatch() {
        assertThat(hasher.verify(PASSWORD, "plain-text-password").matches()).isFalse();
        assertThat(hasher.verify(PASSWORD, "$2b$12$short").matches()).isFalse();
        assertThat(hasher.verify(PASSWORD, "$argon2id$garbage").matches()).isFalse();
        assertThat(hasher.verify(PASSWORD, "$argon2id$v=19$m=65536,t=0,p=4$c2FsdHNhbHQ$aGFzaA").matches()).isFalse();
        assertThat(hasher.verify(PASSWORD, "$argon2x$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA").matches()).isFalse();
    }

    /** 4 TiB of memory cannot be had: argon2 fails, and that is an error, not a wrong password. */
    @Test
    void aFailingComputationIsAnErrorNotAMismatch() {
        String needsFourTebibytes = "$argon2id$v=19$m=4294967295,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                                    + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

        assertThatThrownBy(() -> hasher.verify(PASSWORD, needsFourTebibytes))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Memory allocation error");
    }

    @Test
    void longPasswordsUseBcryptsFirst72Bytes() {
        String seventyTwo = "x".repeat(72);
        String hash = BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(4, seventyTwo.toCharArray());

        assertThat(hasher.verify(seventyTwo + "ignored-tail", hash).matches()).isTrue();
    }

    @Test
    void theStandInForUnknownAccountsIsShapedAsARealHashSoItCostsAsMuch() {
        String real = hasher.hash("changethis");
        String standIn = hasher.dummyHash();

        assertThat(standIn.substring(0, standIn.lastIndexOf('$', standIn.lastIndexOf('$') - 1)))
                .isEqualTo(real.substring(0, real.lastIndexOf('$', real.lastIndexOf('$') - 1)));
        String[] parts = standIn.split("\\$");
        assertThat(java.util.Base64.getDecoder().decode(parts[4] + "==")).hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(parts[5] + "=")).hasSize(32);
        assertThat(hasher.verify("changethis", standIn).matches()).isFalse();
        assertThat(new PasswordHasher(TestSettings.productionPasswordHash()).dummyHash()).isNotEqualTo(standIn);
    }
}
