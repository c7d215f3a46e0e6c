package org.exchange.engines;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real SMTP server (GreenMail) that accepts mail for any recipient, plus a small HTTP API to read what arrived:
 * {@code GET /mails} and {@code GET /mails?to=address} answer a JSON array of
 * {@code {to, from, subject, text, received}}; {@code DELETE /mails} empties every mailbox.
 */
public final class MailEngine implements AutoCloseable {

    /** One delivered copy of a mail: {@code to} is the mailbox (envelope recipient) it was delivered to. */
    public record ReceivedMail(String to, String from, String subject, String text, Instant received) {
    }

    private final GreenMail greenMail;
    private final HttpServer api;
    private final ExecutorService apiThreads;
    private final int smtpPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MailEngine(GreenMail greenMail, HttpServer api, ExecutorService apiThreads, int smtpPort) {
        this.greenMail = greenMail;
        this.api = api;
        this.apiThreads = apiThreads;
        this.smtpPort = smtpPort;
    }

    /**
     * Starts the SMTP server and its HTTP API, both on 127.0.0.1.
     *
     * @param smtpPortOr0 the SMTP port, or 0 for a free one
     * @param apiPortOr0 the HTTP API port, or 0 for a free one
     */
    public static MailEngine start(int smtpPortOr0, int apiPortOr0) {
        int smtpPort = Ports.orFree(smtpPortOr0);
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        // any login and any recipient are accepted; a mailbox is made for each recipient on delivery
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        HttpServer api;
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mail-engine-api");
            thread.setDaemon(true);
            return thread;
        });
        try {
            api = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.orFree(apiPortOr0)), 0);
        } catch (IOException e) {
            greenMail.stop();
            threads.shutdownNow();
            throw new UncheckedIOException("mail API did not start", e);
        }
        MailEngine engine = new MailEngine(greenMail, api, threads, smtpPort);
        api.createContext("/mails", engine::handle);
        api.setExecutor(threads);
        api.start();
        return engine;
    }

    /** The SMTP port on 127.0.0.1. */
    public int smtpPort() {
        return smtpPort;
    }

    /** The base url of the HTTP API, {@code http://127.0.0.1:port}; mails are at {@code /mails}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + api.getAddress().getPort();
    }

    /** Every mail received so far, one entry per recipient mailbox, oldest first. */
    public List<ReceivedMail> receivedMails() {
        // GreenMail's user list and mailboxes are not safe to walk while a mail arrives: read again until a walk
        // completes undisturbed
        for (int attempt = 1; ; attempt++) {
            try {
                return readMailboxes();
            } catch (java.util.ConcurrentModificationException arrivedMeanwhile) {
                if (attempt == 20) {
                    throw arrivedMeanwhile;
                }
                Thread.onSpinWait();
            }
        }
    }

    private List<ReceivedMail> readMailboxes() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            List<StoredMessage> messages;
            try {
                messages = greenMail.getManagers().getImapHostManager().getInbox(user).getMessages();
            } catch (FolderException e) {
                continue;
            }
            for (StoredMessage message : messages) {
                mails.add(toMail(user.getEmail(), message));
            }
        }
        mails.sort(Comparator.comparing(ReceivedMail::received));
        return mails;
    }

    /** The mails delivered to {@code address} (case-insensitive), oldest first. */
    public List<ReceivedMail> mailsTo(String address) {
        String wanted = address.trim().toLowerCase(Locale.ROOT);
        return receivedMails().stream().filter(mail -> mail.to().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    }

    /** Empties every mailbox. */
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the HTTP API and the SMTP server. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            api.stop(0);
            apiThreads.shutdownNow();
        } finally {
            greenMail.stop();
        }
    }

    @Override
    public String toString() {
        return "MailEngine[smtp 127.0.0.1:" + smtpPort + ", api " + apiUrl() + "]";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"/mails".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "{\"error\":\"not found\"}");
            } else if ("GET".equals(method)) {
                String to = queryParameter(exchange.getRequestURI().getRawQuery(), "to");
                send(exchange, 200, toJson(to == null ? receivedMails() : mailsTo(to)));
            } else if ("DELETE".equals(method)) {
                clear();
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.getResponseHeaders().add("Allow", "GET, DELETE");
                send(exchange, 405, "{\"error\":\"method not allowed\"}");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"error\":" + quote(String.valueOf(e)) + "}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static ReceivedMail toMail(String mailbox, StoredMessage stored) {
        MimeMessage message = stored.getMimeMessage();
        try {
            Address[] from = message.getFrom();
            String sender = from == null || from.length == 0 ? "" : from[0].toString();
            String subject = message.getSubject() == null ? "" : message.getSubject();
            Instant received = stored.getReceivedDate() == null ? Instant.EPOCH : stored.getReceivedDate().toInstant();
            return new ReceivedMail(mailbox, sender, subject, text(message), received);
        } catch (MessagingException | IOException e) {
            return new ReceivedMail(mailbox, "", "", "unreadable message: " + e, Instant.EPOCH);
        }
    }

    /** The text/plain body, else the text/html body, else nothing. */
    private static String text(Part part) throws MessagingException, IOException {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(part, "text/html");
        return html == null ? "" : html;
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = find(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String toJson(List<ReceivedMail> mails) {
        StringBuilder json = new StringBuilder("[");
        for (ReceivedMail mail : mails) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"to\":").append(quote(mail.to()))
                    .append(",\"from\":").append(quote(mail.from()))
                    .append(",\"subject\":").append(quote(mail.subject()))
                    .append(",\"text\":").append(quote(mail.text()))
                    .append(",\"received\":").append(quote(mail.received().toString()))
                    .append('}');
        }
        return json.append(']').toString();
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
