package io.fullstackhelidon.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CauseChainTest {

    @Test
    void theChainRunsFromTheOutermostToTheRoot() {
        SQLException root = new SQLException("connection refused");
        IllegalStateException middle = new IllegalStateException("pool", root);
        RuntimeException outer = new RuntimeException("request", middle);

        assertThat(CauseChain.of(outer)).containsExactly(outer, middle, root);
        assertThat(CauseChain.rootMessage(outer)).isEqualTo("SQLException: connection refused");
    }

    @Test
    void aLoopingChainEndsWhereACauseRepeats() {
        IOException first = new IOException("first");
        UncheckedIOException second = new UncheckedIOException("second", first);
        first.initCause(second);

        assertThat(CauseChain.of(second)).containsExactly(second, first);
    }
}
