package io.fullstackhelidon.infra.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.helidon.common.Errors;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.JwtException;
import io.helidon.security.jwt.JwtValidator;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.Jwk;
import io.helidon.security.jwt.jwk.JwkKeys;
import io.helidon.security.jwt.jwk.JwkOctet;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * HS256 JSON Web Tokens keyed with the UTF-8 bytes of {@code SECRET_KEY}, as the template signs them (so tokens of
 * the template and of this service are interchangeable). Signing and verification are helidon-security-jwt's; this
 * class only pins the algorithm and the time rules (no clock skew, {@code exp} required). For key rotation, previous
 * keys still verify (they never sign) until they are removed from the configuration.
 */
public final class HmacJwt {

    private static final String ALGORITHM = JwkOctet.ALG_HS256;
    private static final JwkKeys NO_KEY_IDS = JwkKeys.builder().build();
    private static final String HEADER = "{\"alg\":\"" + ALGORITHM + "\",\"typ\":\"JWT\"}";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Jwk key;
    private final List<Jwk> verificationKeys;
    private final Clock clock;

    public HmacJwt(String secretKey, Clock clock) {
        this(secretKey, List.of(), clock);
    }

    public HmacJwt(String secretKey, List<String> previousKeys, Clock clock) {
        this.key = jwk(secretKey);
        List<Jwk> keys = new ArrayList<>();
        keys.add(key);
        previousKeys.forEach(previous -> keys.add(jwk(previous)));
        this.verificationKeys = List.copyOf(keys);
        this.clock = clock;
    }

    /** JwkOctet accepts keys of any length; the template's development key "changethis" is 10 bytes. */
    private static Jwk jwk(String secret) {
        return JwkOctet.create(Json.createObjectBuilder()
                                       .add("kty", "oct")
                                       .add("kid", "SECRET_KEY")
                                       .add("alg", ALGORITHM)
                                       .add("use", "sig")
                                       .add("k", BASE64URL.encodeToString(secret.getBytes(StandardCharsets.UTF_8)))
                                       .build());
    }

    /**
     * Signs exactly {@code claims} as a compact HS256 token. (Helidon's {@code Jwt.Builder} would add a {@code upn}
     * claim; the template's tokens carry only the claims it sets, so the JSON is written here and only the
     * signature comes from the JWK.)
     */
    public String sign(JsonObject claims) {
        String signingInput = BASE64URL.encodeToString(HEADER.getBytes(StandardCharsets.UTF_8)) + "."
                              + BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + BASE64URL.encodeToString(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The current time, from the clock the tokens are checked against. */
    public Clock clock() {
        return clock;
    }

    /** The token's claims when it is a well-formed HS256 token signed with our key and valid now. */
    public Optional<Jwt> verify(String token) {
        try {
            SignedJwt signed = SignedJwt.parseToken(token);
            Jwt jwt = signed.getJwt();
            if (!jwt.headers().algorithm().filter(ALGORITHM::equals).isPresent()
                    || verificationKeys.stream().noneMatch(candidate -> signed.verifySignature(NO_KEY_IDS, candidate)
                    .isValid())) {
                return Optional.empty();
            }
            Errors timeErrors = JwtValidator.builder()
                    .addDefaultTimeValidators(clock.instant(), Duration.ZERO, false)
                    .build()
                    .validate(jwt);
            if (!timeErrors.isValid() || jwt.expirationTime().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(jwt);
        } catch (JwtException | Errors.ErrorMessagesException malformed) {
            // not three Base64URL parts of JSON objects, or claims of the wrong type: Helidon's parser says so with
            // these exceptions; anything else is a fault of ours and goes to the error mapping
            return Optional.empty();
        }
    }
}
