package io.fullstackhelidon.contract.docs;

import java.net.URI;
import java.time.Duration;

import io.fullstackhelidon.support.HeadlessChromium;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestServer;
import io.fullstackhelidon.support.TestSettings;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): open {@code /docs},
 * authorize with the OAuth2 password flow against the login endpoint, and run {@code GET /users/me}
 * ({@link HeadlessChromium}).
 */
@Slow
@ServerTest
class SwaggerUiBrowserTest {

    private final URI server;
    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium();

    SwaggerUiBrowserTest(URI server) {
        this.server = server;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void authorizeAndRunAnOperation() {
        WebDriver browser = chromium.driver();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(server.resolve("/docs").toString());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"),
                                                                     "Full Stack Helidon Test"));
        click(wait, By.cssSelector(".auth-wrapper .authorize"));
        type(wait, By.id("oauth_username"), TestSettings.SUPERUSER_EMAIL);
        type(wait, By.id("oauth_password"), TestSettings.SUPERUSER_PASSWORD);
        click(wait, By.cssSelector(".auth-btn-wrapper .modal-btn.authorize"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(modalButton("Logout")));
        click(wait, modalButton("Close"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".dialog-ux")));

        click(wait, By.cssSelector("#operations-users-users-read_user_me .opblock-summary-control"));
        click(wait, By.cssSelector("#operations-users-users-read_user_me .try-out__btn"));
        click(wait, By.cssSelector("#operations-users-users-read_user_me .execute"));

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#operations-users-users-read_user_me .live-responses-table .response .response-col_status")));
        assertThat(status.getText().trim()).startsWith("200");
        WebElement body = browser.findElement(By.cssSelector(
                "#operations-users-users-read_user_me .live-responses-table .response-col_description pre"));
        assertThat(body.getText()).contains(TestSettings.SUPERUSER_EMAIL).contains("\"is_superuser\": true");
    }

    private static By modalButton(String text) {
        return By.xpath("//div[contains(@class,'auth-btn-wrapper')]//button[normalize-space()='" + text + "']");
    }

    private void click(WebDriverWait wait, By element) {
        WebElement target = wait.until(ExpectedConditions.elementToBeClickable(element));
        ((JavascriptExecutor) chromium.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
        target.click();
    }

    private static void type(WebDriverWait wait, By element, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(element)).sendKeys(text);
    }
}
