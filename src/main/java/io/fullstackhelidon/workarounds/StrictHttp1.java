package io.fullstackhelidon.workarounds;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

/**
 * HTTP/1.1 as Helidon serves it, behind {@link RequestFraming}: each connection's Helidon HTTP/1 connection reads
 * from a reader that hands it only bytes whose framing was checked, and the head deadline runs from the accept. Added
 * as a listener's only connection selector (no protocols besides), it is chosen at the accept, before any byte is
 * read; Helidon 4.1.7 offers no other place to see a request's bytes before its parser does (its connection
 * listeners get no received data).
 */
public final class StrictHttp1 implements ServerConnectionSelector {

    private final Http1ConnectionSelector http1;
    private final Http1Config config;
    private final RequestHeadDeadline deadline;

    /** HTTP/1.1 as {@code config} sets it up, with the head deadline of {@code deadline}. */
    public StrictHttp1(Http1Config config, RequestHeadDeadline deadline) {
        this.http1 = Http1ConnectionSelector.builder().config(config).build();
        this.config = config;
        this.deadline = deadline;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData request) {
        return Support.SUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        deadline.arm(ctx);
        RequestFraming framing = new RequestFraming(config.maxPrologueLength(), config.maxHeadersSize(),
                                                    new RequestFraming.Heads() {
                                                        @Override
                                                        public void started() {
                                                            deadline.arm(ctx);
                                                        }

                                                        @Override
                                                        public void ended() {
                                                            deadline.disarm(ctx);
                                                        }
                                                    });
        DataReader source = ctx.dataReader();
        DataReader checked = new DataReader(() -> checkedBytes(source, framing, ctx));
        return http1.connection(new CheckedReaderContext(ctx, checked));
    }

    /**
     * The next bytes that passed the framing checks; once the framing is in doubt, the refusal, and then the end of
     * the stream (null).
     */
    private byte[] checkedBytes(DataReader source, RequestFraming framing, ConnectionContext ctx) {
        try {
            while (true) {
                // refused bytes are never waited for: the refusal is due now
                if (framing.exhausted()) {
                    deadline.disarm(ctx);
                    return null;
                }
                source.ensureAvailable();
                byte[] bytes = source.readBytes(source.available());
                int kept = framing.scan(bytes, bytes.length);
                if (kept > 0) {
                    return kept == bytes.length ? bytes : Arrays.copyOf(bytes, kept);
                }
            }
        } catch (RuntimeException connectionEnds) {
            // the client went away, or its request was refused: no head to wait for any more
            deadline.disarm(ctx);
            throw connectionEnds;
        }
    }

    /** The connection's context with the checked reader in place of the socket's. */
    private record CheckedReaderContext(ConnectionContext socket, DataReader dataReader) implements ConnectionContext {

        @Override
        public ListenerContext listenerContext() {
            return socket.listenerContext();
        }

        @Override
        public ExecutorService executor() {
            return socket.executor();
        }

        @Override
        public DataWriter dataWriter() {
            return socket.dataWriter();
        }

        @Override
        public Router router() {
            return socket.router();
        }

        @Override
        public Optional<ProxyProtocolData> proxyProtocolData() {
            return socket.proxyProtocolData();
        }

        @Override
        public HelidonSocket serverSocket() {
            return socket.serverSocket();
        }

        @Override
        public PeerInfo remotePeer() {
            return socket.remotePeer();
        }

        @Override
        public PeerInfo localPeer() {
            return socket.localPeer();
        }

        @Override
        public boolean isSecure() {
            return socket.isSecure();
        }

        @Override
        public String socketId() {
            return socket.socketId();
        }

        @Override
        public String childSocketId() {
            return socket.childSocketId();
        }
    }
}
