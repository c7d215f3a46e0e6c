package org.exchange.notification.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP session kept open for a whole batch, so that a throttled batch pays for the connection, greeting and
 * EHLO once, not once a message. Opened on the first message, with the sender's settings (host, port, credentials and
 * the {@code mail.smtp.*} timeouts); opened again when the server dropped it. A refused recipient leaves the session
 * usable for the next message (the server is told to reset); any other failure has it checked before it is used again.
 */
final class SmtpConnection implements AutoCloseable {

    private final JavaMailSenderImpl settings;
    private Transport transport;
    private boolean inDoubt;

    SmtpConnection(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    /** Sends one message over this session, keeping its Message-ID. */
    void send(MimeMessage message) throws MessagingException {
        if (transport == null || (inDoubt && !transport.isConnected())) {
            close();
            transport = connect();
        }
        inDoubt = false;
        try {
            // saveChanges would give the message a new Message-ID; ours is fixed per mail
            String messageId = message.getMessageID();
            if (message.getSentDate() == null) {
                message.setSentDate(new java.util.Date());
            }
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
            Address[] recipients = message.getAllRecipients();
            transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
        } catch (MessagingException | RuntimeException e) {
            // a refused address is answered by the server and the session stays in step; anything else may not
            inDoubt = !(e instanceof SendFailedException);
            throw e;
        }
    }

    private Transport connect() throws NotConnected {
        try {
            jakarta.mail.Session session = settings.getSession();
            // as JavaMailSenderImpl chooses it: its own setting, else the session's, else SMTP
            String protocol = settings.getProtocol() != null ? settings.getProtocol()
                    : session.getProperty("mail.transport.protocol") != null
                            ? session.getProperty("mail.transport.protocol") : "smtp";
            Transport opened = session.getTransport(protocol);
            opened.connect(settings.getHost(), settings.getPort(), blankToNull(settings.getUsername()),
                    blankToNull(settings.getPassword()));
            return opened;
        } catch (MessagingException e) {
            throw new NotConnected(e);
        }
    }

    /** Says goodbye to the server (QUIT), if a session is open. */
    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the session is gone either way
            }
            transport = null;
        }
    }

    /** No session could be opened (the server is away, hung, or refuses the login): no message of the batch can go. */
    static final class NotConnected extends MessagingException {

        NotConnected(MessagingException cause) {
            super("Mail server connection failed: " + cause.getMessage(), cause);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
