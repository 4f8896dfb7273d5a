package io.fullstackhelidon.features.frontend;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.fullstackhelidon.support.HeadlessChromium;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestServer;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser on a deep link: the service serves the app for {@code /items/42}, and the app's script, loaded from
 * the service too, calls the API on the same origin and shows its answer.
 */
@Slow
@ServerTest
class FrontendBrowserTest {

    private final URI server;
    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium();

    FrontendBrowserTest(URI server) {
        this.server = server;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server, Map.of("frontend.dir", FrontendBuilds.copy("build").toString()));
    }

    @Test
    void aDeepLinkLoadsTheAppWhichCallsTheApiOnItsOwnOrigin() {
        WebDriver browser = chromium.driver();
        browser.get(server.resolve("/items/42").toString());

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("root"), "api says"));
        assertThat(browser.findElement(By.id("root")).getText()).isEqualTo("api says true at /items/42");
        assertThat(browser.getTitle()).isEqualTo("Test frontend");
    }
}
