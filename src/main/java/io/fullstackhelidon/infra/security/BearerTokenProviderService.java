package io.fullstackhelidon.infra.security;

import io.helidon.common.config.Config;
import io.helidon.security.spi.SecurityProvider;
import io.helidon.security.spi.SecurityProviderService;

/**
 * Makes {@link BearerTokenProvider} configurable as {@code security.providers: [bearer-token: ...]}: Helidon Security
 * builds it, and the composition root hands it the application's access tokens ({@link
 * BearerTokenProvider#verifyWith}), so that one key set and one clock sign and verify every token.
 */
public final class BearerTokenProviderService implements SecurityProviderService {

    /** The provider's key under {@code security.providers}, and its name in Helidon Security. */
    public static final String CONFIG_KEY = "bearer-token";

    @Override
    public String providerConfigKey() {
        return CONFIG_KEY;
    }

    @Override
    public Class<? extends SecurityProvider> providerClass() {
        return BearerTokenProvider.class;
    }

    @Override
    public SecurityProvider providerInstance(Config config) {
        return new BearerTokenProvider();
    }
}
