package io.fullstackhelidon.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a dependency, to take it away and bring it back without touching the real
 * server: {@link #refuse()} resets every open connection and refuses new ones (as a stopped or killed PostgreSQL
 * does), {@link #pass()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        acceptOn(listener);
    }

    public static TcpProxy to(String host, int port) {
        return new TcpProxy(host, port);
    }

    public int port() {
        return port;
    }

    /** Resets every proxied connection and refuses new ones. */
    public synchronized void refuse() {
        closeQuietly(listener);
        open.forEach(TcpProxy::reset);
        open.clear();
    }

    /**
     * Registers a socket of a connection {@code server} accepted, unless {@code server} was closed meanwhile: a
     * connection accepted while {@link #refuse()} ran is reset, never left working through an outage.
     */
    private synchronized boolean admitted(ServerSocket server, Socket socket) {
        if (server.isClosed()) {
            reset(socket);
            return false;
        }
        open.add(socket);
        return true;
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // RST, as from a server that died
        } catch (IOException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    /** Accepts and forwards connections again. */
    public synchronized void pass() {
        if (listener.isClosed()) {
            listener = listen(port);
            acceptOn(listener);
        }
    }

    @Override
    public void close() {
        refuse();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptOn(ServerSocket server) {
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (!admitted(server, client)) {
                        return;
                    }
                    Socket upstream = new Socket(targetHost, targetPort);
                    if (!admitted(server, upstream)) {
                        reset(client);
                        return;
                    }
                    Thread.ofVirtual().start(() -> pump(client, upstream));
                    Thread.ofVirtual().start(() -> pump(upstream, client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // either side went away: the other goes too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is asked
        }
    }
}
