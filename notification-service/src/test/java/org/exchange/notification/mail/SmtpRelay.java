package org.exchange.notification.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay in front of a real SMTP server (GreenMail) that counts the SMTP sessions opened through it and answers
 * {@code 550 5.1.1} to a RCPT TO of the addresses it is told to refuse, as a receiving server does for a mailbox that
 * does not exist; everything else passes through unchanged.
 */
final class SmtpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final List<String> refused;
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private SmtpRelay(int serverPort, List<String> refused) throws IOException {
        this.serverPort = serverPort;
        this.refused = refused.stream().map(address -> "RCPT TO:<" + address.toUpperCase(Locale.ROOT) + ">").toList();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    /** A relay to the SMTP server on {@code serverPort} that refuses the given recipients. */
    static SmtpRelay to(int serverPort, String... refused) throws IOException {
        return new SmtpRelay(serverPort, List.of(refused));
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The SMTP sessions opened through the relay so far. */
    int sessions() {
        return sessions.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                sessions.incrementAndGet();
                open.add(client);
                open.add(server);
                OutputStream toClient = client.getOutputStream();
                Thread.ofVirtual().start(() -> pump(server::getInputStream, toClient));
                OutputStream toServer = server.getOutputStream();
                Thread.ofVirtual().start(() -> commands(client::getInputStream, toServer, toClient));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(InputStreamSupplier from, OutputStream to) {
        try (InputStream in = from.get()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException closed) {
            // the session ended
        }
    }

    /** Passes the client's lines to the server, answering a refused RCPT TO itself. */
    private void commands(InputStreamSupplier from, OutputStream toServer, OutputStream toClient) {
        try (InputStream in = from.get()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                String text = line.toString(StandardCharsets.US_ASCII).strip().toUpperCase(Locale.ROOT);
                if (refused.contains(text)) {
                    synchronized (toClient) {
                        toClient.write("550 5.1.1 No such user here\r\n".getBytes(StandardCharsets.US_ASCII));
                        toClient.flush();
                    }
                } else {
                    toServer.write(line.toByteArray());
                    toServer.flush();
                }
                line.reset();
            }
        } catch (IOException closed) {
            // the session ended
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    @FunctionalInterface
    private interface InputStreamSupplier {
        InputStream get() throws IOException;
    }
}
