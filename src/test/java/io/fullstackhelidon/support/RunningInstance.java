package io.fullstackhelidon.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.Lifecycle;
import io.fullstackhelidon.infra.config.AppConfig;
import io.fullstackhelidon.infra.config.Settings;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;

/**
 * One service instance with a server of its own, on a database (and Redis) that several instances may share: the
 * multi-instance tests start two. Requests go through plain JDK HTTP.
 */
public record RunningInstance(App app, WebServer server) implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An instance on {@code databaseUrl} with the test accounts, and {@code settings} (configuration keys) on top. */
    public static RunningInstance start(String databaseUrl, Map<String, String> settings) {
        Map<String, String> entries = new HashMap<>(TestSettings.entries(databaseUrl));
        entries.putAll(settings);
        Config config = AppConfig.of(entries, Map.of());
        App app = App.create(Settings.from(config), Clock.systemUTC());
        WebServer server = WebServer.builder().config(config.get("server")).host("127.0.0.1").port(0)
                .shutdownHook(false).update(new Lifecycle(app)::configure).build().start();
        return new RunningInstance(app, server);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** Sends {@code request}, built on this instance's address for {@code path}. */
    public HttpResponse<String> send(String path, java.util.function.UnaryOperator<HttpRequest.Builder> request) {
        try {
            return HTTP.send(request.apply(HttpRequest.newBuilder(uri(path))).build(),
                             HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(path, request -> request);
    }

    /** Logs the test superuser in and returns the access token. */
    public String superuserToken() {
        String form = "username=" + URLEncoder.encode(TestSettings.SUPERUSER_EMAIL, StandardCharsets.UTF_8)
                      + "&password=" + URLEncoder.encode(TestSettings.SUPERUSER_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = send("/api/v1/login/access-token", request -> request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new AssertionError("superuser login: " + response.statusCode() + " " + response.body());
        }
        int start = response.body().indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
        return response.body().substring(start, response.body().indexOf('"', start));
    }

    /** Queues the test e-mail to {@code address} through the API, as a superuser with {@code token}. */
    public void sendTestEmail(String token, String address) {
        HttpResponse<String> response = send("/api/v1/utils/test-email/?email_to="
                                             + URLEncoder.encode(address, StandardCharsets.UTF_8),
                                             request -> request.header("Authorization", "Bearer " + token)
                                                     .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 201) {
            throw new AssertionError("test e-mail to " + address + ": " + response.statusCode() + " "
                                     + response.body());
        }
    }

    /** Stops the server, which closes the application (jobs, Redis, pool). */
    @Override
    public void close() {
        server.stop();
    }
}
