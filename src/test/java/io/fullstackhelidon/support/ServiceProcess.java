package io.fullstackhelidon.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The service as its own process, started like production ({@code io.fullstackhelidon.Main} on the main classpath,
 * without the test classes and their logging set-up), for what only a process shows: its log output and how it
 * stops on SIGTERM.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("on port (\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final int port;

    /** The process on {@code port}, or on the port its start-up line names once it is ready when that is 0. */
    private ServiceProcess(Process process, int port) {
        this.process = process;
        Thread.ofVirtual().start(this::readOutput);
        this.port = port == 0 ? awaitPort() : port;
    }

    /**
     * Starts the service in {@code directory} with the template's variables for a fresh test database, and returns
     * once it is ready.
     */
    public static ServiceProcess start(Path directory, Map<String, String> extraEnvironment) throws IOException {
        return new ServiceProcess(command(directory, extraEnvironment).start(), 0);
    }

    /** Starts the service on {@code port} like {@link #start}, and returns at once, before it listens. */
    public static ServiceProcess startOn(int port, Path directory, Map<String, String> extraEnvironment)
            throws IOException {
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("SERVER_PORT", String.valueOf(port));
        return new ServiceProcess(command(directory, environment).start(), port);
    }

    /** The command {@link #start} runs, for a test that watches the process itself (one that must not start). */
    public static ProcessBuilder command(Path directory, Map<String, String> extraEnvironment) {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
                                                     "io.fullstackhelidon.Main")
                .directory(directory.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SMTP_") || name.equals("DATABASE_URL"));
        environment.putAll(Map.of(
                "PROJECT_NAME", "Process Test",
                "SECRET_KEY", TestSettings.SECRET_KEY,
                "FIRST_SUPERUSER", TestSettings.SUPERUSER_EMAIL,
                "FIRST_SUPERUSER_PASSWORD", TestSettings.SUPERUSER_PASSWORD,
                "DATABASE_URL", TestDatabases.freshUrl(),
                "SERVER_PORT", "0"));
        environment.putAll(extraEnvironment);
        return builder;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Every line the process printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** Sends SIGTERM, as an orchestrator does (through the handle: {@code Process.destroy} also closes our pipes). */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end; its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The service did not stop within " + timeout + ":\n" + String.join("\n", output));
        }
        return process.exitValue();
    }

    /** Waits until a printed line contains {@code text}. */
    public String awaitLine(String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String line : output) {
                if (line.contains(text)) {
                    return line;
                }
            }
            pause();
        }
        throw new AssertionError("No line with \"" + text + "\" within " + timeout + ":\n" + String.join("\n", output));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private int awaitPort() {
        Matcher port = PORT.matcher(awaitLine("serves", Duration.ofSeconds(60)));
        if (!port.find()) {
            throw new AssertionError("No port in the start-up line");
        }
        return Integer.parseInt(port.group(1));
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                                                                             StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
