package io.fullstackhelidon.workarounds;

import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.security.Security;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityEnvironment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeferredSecurityContextTest {

    private final Security security = Security.builder().build();
    private final AtomicInteger builds = new AtomicInteger();

    private SecurityContext built() {
        builds.incrementAndGet();
        return security.contextBuilder("ctx-" + builds.get())
                .env(SecurityEnvironment.builder().path("/probe").build())
                .build();
    }

    @Test
    void nothingIsBuiltUntilTheContextIsAskedSomething() {
        new DeferredSecurityContext(this::built);

        assertThat(builds).hasValue(0);
    }

    @Test
    void theFirstQuestionBuildsItOnceAndEveryAnswerIsTheBuiltContexts() {
        SecurityContext context = new DeferredSecurityContext(this::built);

        assertThat(context.isAuthenticated()).isFalse();
        assertThat(context.id()).endsWith(":ctx-1");
        assertThat(context.env().path()).hasValue("/probe");
        assertThat(context.user()).isEmpty();
        assertThat(builds).hasValue(1);
    }
}
