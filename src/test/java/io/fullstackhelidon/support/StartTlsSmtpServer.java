package io.fullstackhelidon.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP server as a mail provider's submission port runs it (GreenMail has no STARTTLS): it offers STARTTLS, takes
 * a login only after it, and keeps what each client line said and whether it came encrypted. Its certificate is made
 * at start by the JDK's keytool, for 127.0.0.1; {@link #trustStore()} holds it for the client's JVM
 * ({@code javax.net.ssl.trustStore}). With {@code offerStartTls} false it is a server that never encrypts.
 */
public final class StartTlsSmtpServer implements AutoCloseable {

    private static final String STORE_PASSWORD = "test-store";

    private final ServerSocket listener;
    private final SSLContext tls;
    private final Path trustStore;
    private final boolean offerStartTls;
    private final String user;
    private final String password;
    /**
     * Each client line, prefixed with {@code TLS } or {@code CLEAR } (a login as {@code AUTH}, then
     * {@code TLS AUTH ok} or {@code bad}), and how each conversation ended when the client did not say {@code QUIT}.
     */
    private final List<String> transcript = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    public StartTlsSmtpServer(Path directory, boolean offerStartTls, String user, String password) throws Exception {
        this.offerStartTls = offerStartTls;
        this.user = user;
        this.password = password;
        Path keyStore = directory.resolve("smtp-server.p12");
        Path certificate = directory.resolve("smtp-server.cer");
        this.trustStore = directory.resolve("smtp-trust.p12");
        keytool("-genkeypair", "-alias", "smtp", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(), "-storetype",
                "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "smtp", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "smtp", "-file", certificate.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, STORE_PASSWORD.toCharArray());
        this.tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("starttls-smtp").start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** JVM options that make a client trust this server's certificate. */
    public String clientTrustOptions() {
        return "-Djavax.net.ssl.trustStore=" + trustStore + " -Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD
               + " -Djavax.net.ssl.trustStoreType=PKCS12";
    }

    public Path trustStore() {
        return trustStore;
    }

    public List<String> transcript() {
        return List.copyOf(transcript);
    }

    /** The messages accepted, as sent after {@code DATA}. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> converse(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket plain) {
        Socket socket = plain;
        boolean secure = false;
        boolean authenticated = false;
        try {
            socket.setSoTimeout(10_000);
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            reply(out, "220 127.0.0.1 ESMTP test");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                transcript.add((secure ? "TLS " : "CLEAR ") + (command.equals("AUTH") ? "AUTH" : line));
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, !secure && offerStartTls
                                                      ? "250-127.0.0.1\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN"
                                                      : secure ? "250-127.0.0.1\r\n250 AUTH PLAIN LOGIN"
                                                               : "250 127.0.0.1");
                    case "STARTTLS" -> {
                        if (secure || !offerStartTls) {
                            reply(out, "502 not here");
                            continue;
                        }
                        reply(out, "220 ready to start TLS");
                        SSLSocket encrypted = (SSLSocket) tls.getSocketFactory()
                                .createSocket(socket, "127.0.0.1", socket.getPort(), true);
                        encrypted.setUseClientMode(false);
                        encrypted.startHandshake();
                        socket = encrypted;
                        in = reader(socket);
                        out = socket.getOutputStream();
                        secure = true;
                    }
                    case "AUTH" -> {
                        if (!secure) {
                            reply(out, "530 must issue STARTTLS first");
                            continue;
                        }
                        authenticated = login(line, in, out);
                        transcript.add("TLS AUTH " + (authenticated ? "ok" : "bad"));
                        reply(out, authenticated ? "235 accepted" : "535 bad credentials");
                    }
                    case "MAIL" -> reply(out, authenticated ? "250 ok" : "530 authentication required");
                    case "RCPT", "RSET", "NOOP" -> reply(out, "250 ok");
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        StringBuilder message = new StringBuilder();
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            message.append(data).append('\n');
                        }
                        messages.add(message.toString());
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 unknown");
                }
            }
            transcript.add("CLOSED by the client");
        } catch (IOException gone) {
            transcript.add("DISCONNECTED " + gone.getClass().getSimpleName());
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket the client already closed
            }
        }
    }

    /** {@code AUTH PLAIN <base64>} or {@code AUTH LOGIN} with its two prompts; whether the credentials match. */
    private boolean login(String line, BufferedReader in, OutputStream out) throws IOException {
        String[] words = line.split(" ");
        if (words.length >= 2 && words[1].equalsIgnoreCase("PLAIN")) {
            String encoded = words.length > 2 ? words[2] : prompt(in, out, "334 ");
            String[] parts = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).split("\0");
            return parts.length == 3 && parts[1].equals(user) && parts[2].equals(password);
        }
        String name = decode(words.length > 2 ? words[2] : prompt(in, out, "334 VXNlcm5hbWU6"));
        String secret = decode(prompt(in, out, "334 UGFzc3dvcmQ6"));
        return name.equals(user) && secret.equals(password);
    }

    private static String prompt(BufferedReader in, OutputStream out, String text) throws IOException {
        reply(out, text);
        return in.readLine();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(process.getInputStream().readAllBytes(),
                                                                            StandardCharsets.UTF_8));
        }
    }
}
