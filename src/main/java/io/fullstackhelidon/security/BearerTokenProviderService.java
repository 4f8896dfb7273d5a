package io.fullstackhelidon.security;

import java.time.Clock;

import io.fullstackhelidon.config.Settings;

import io.helidon.common.config.Config;
import io.helidon.security.spi.SecurityProvider;
import io.helidon.security.spi.SecurityProviderService;

/**
 * Makes {@link BearerTokenProvider} configurable as {@code security.providers: [bearer-token: ...]}: Helidon Security
 * builds it from the service's settings (the keys of {@code SECRET_KEY} and {@code PREVIOUS_SECRET_KEYS}), on the
 * system clock that tokens are issued by.
 */
public final class BearerTokenProviderService implements SecurityProviderService {

    @Override
    public String providerConfigKey() {
        return "bearer-token";
    }

    @Override
    public Class<? extends SecurityProvider> providerClass() {
        return BearerTokenProvider.class;
    }

    @Override
    public SecurityProvider providerInstance(Config config) {
        Settings.SecuritySettings security = Settings.from((io.helidon.config.Config) config.root()).security();
        HmacJwt jwt = new HmacJwt(security.secretKey(), security.previousSecretKeys(), Clock.systemUTC());
        return new BearerTokenProvider(new AccessTokens(jwt, security.accessTokenLifetime()));
    }
}
