package io.fullstackhelidon.features.frontend;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.infra.config.ConfigurationException;
import io.fullstackhelidon.support.TestSettings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code FRONTEND_DIR} set but missing: no start outside development, a warning and the API alone in development. */
class FrontendSettingsTest {

    private static final Path MISSING = Path.of("no-such-build").toAbsolutePath();

    @Test
    void outsideDevelopmentAMissingBuildStopsTheStartNamingItsPath() {
        assertThatThrownBy(() -> App.create(TestSettings.fresh(Map.of("frontend.dir", "no-such-build",
                                                                      "app.environment", "production")),
                                            Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("FRONTEND_DIR is set, but " + MISSING + " holds no built frontend (no index.html)");
    }

    @Test
    void inDevelopmentTheApiStartsAlone() {
        try (App app = App.create(TestSettings.fresh(Map.of("frontend.dir", "no-such-build")), Clock.systemUTC())) {
            assertThat(app.settings().frontend().dir()).contains(MISSING);
        }
    }

    @Test
    void theTemplatesVariableNamesTheBuild() {
        assertThat(TestSettings.fromEnvironment(Map.of("FRONTEND_DIR", "/srv/frontend")).frontend().dir())
                .contains(Path.of("/srv/frontend"));
    }
}
