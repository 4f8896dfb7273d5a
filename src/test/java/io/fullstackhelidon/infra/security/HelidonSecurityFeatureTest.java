package io.fullstackhelidon.infra.security;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why our jar carries a feature-metadata entry for Helidon's own security module
 * (docs/decisions/0002-security-in-the-feature-list.md): helidon-security's jar has none. Once a Helidon release
 * ships its own, this test fails and ours is to be deleted.
 */
class HelidonSecurityFeatureTest {

    private static final String METADATA = "META-INF/helidon/feature-metadata.properties";

    @Test
    void helidonSecurityShipsNoFeatureMetadataSoOursNamesIt() throws IOException {
        List<URL> entries = Collections.list(getClass().getClassLoader().getResources(METADATA));

        assertThat(entries).as("feature metadata in Helidon's security jars")
                .noneMatch(url -> url.toString().contains("/helidon-security-")
                                  || url.toString().contains("/helidon-webserver-security-"));
        assertThat(entries).anySatisfy(url -> {
            assertThat(url.toString()).doesNotContain(".jar!");
            assertThat(new String(url.openStream().readAllBytes())).contains("m=io.helidon.security\n")
                    .contains("n=Security\n");
        });
    }
}
