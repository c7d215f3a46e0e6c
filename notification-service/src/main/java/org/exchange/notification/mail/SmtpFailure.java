package org.exchange.notification.mail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;

/**
 * What a failed send means: a permanent failure (the server answered 5xx: the address does not exist, the message is
 * refused) is not retried; anything else (4xx, no connection, a timeout) is, with a growing pause.
 *
 * @param reply the server's reply, or the error when there was none
 */
record SmtpFailure(String reply, boolean permanent) {

    static SmtpFailure of(Exception failure) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            int code = code(t);
            if (code > 0) {
                return new SmtpFailure(message(t), code >= 500);
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
                todo.add(messaging.getNextException());
            }
            if (t instanceof MailSendException send) {
                todo.addAll(send.getFailedMessages().values());
            }
        }
        return new SmtpFailure(message(failure), false);
    }

    private static int code(Throwable t) {
        return switch (t) {
            case SMTPAddressFailedException e -> e.getReturnCode();
            case SMTPSendFailedException e -> e.getReturnCode();
            case SMTPSenderFailedException e -> e.getReturnCode();
            default -> -1;
        };
    }

    private static String message(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
