package org.devicedesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of the test PostgreSQL server, to play what a client sees of a server
 * restart ({@link #drop}: every connection cut and new ones refused until {@link #start}) or of a hung
 * server ({@link #hang}: connections accepted, bytes held). The shared server itself is never touched.
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean hung;
    private volatile boolean closed;
    private int port;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** The port clients connect to (127.0.0.1); the same across {@link #drop} and {@link #start}. */
    public int port() { return port; }

    /** Starts (or, after {@link #drop}, restarts) accepting connections. */
    public synchronized TcpProxy start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        port = s.getLocalPort();
        listener = s;
        Thread t = new Thread(() -> accept(s), "proxy-accept");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** A restart as the client sees it: every connection cut, new ones refused until {@link #start}. */
    public synchronized void drop() {
        ServerSocket s = listener;
        listener = null;
        if (s != null) {
            try { s.close(); } catch (IOException ignored) { /* closing */ }
        }
        for (Socket socket : sockets) {
            try { socket.close(); } catch (IOException ignored) { /* closing */ }
        }
        sockets.clear();
    }

    /** A hung server: connections stay open and new ones are accepted, but no byte goes through either way. */
    public void hang(boolean on) {
        hung = on;
    }

    private void accept(ServerSocket s) {
        while (!closed && listener == s) {
            try {
                Socket client = s.accept();
                sockets.add(client);
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                return; // the listener was closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    while (hung && !closed && !from.isClosed()) sleepBriefly(); // held, as by a server that stopped answering
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both
            } finally {
                try { from.close(); } catch (IOException ignored) { /* closing */ }
                try { to.close(); } catch (IOException ignored) { /* closing */ }
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        drop();
    }
}
