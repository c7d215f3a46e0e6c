package org.exchange.testing;

import org.exchange.engines.MailEngine;

/**
 * A real SMTP server (GreenMail) shared by the tests of one JVM; a plain Java server, so it runs the same with or
 * without a container engine.
 */
public final class TestMail {

    private TestMail() {
    }

    /** The SMTP server of this test JVM, started on first use and stopped when the JVM exits. */
    public static MailEngine shared() {
        return Holder.MAIL;
    }

    private static final class Holder {

        private static final MailEngine MAIL = start();

        private static MailEngine start() {
            MailEngine mail = MailEngine.start(0, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "exchange-test-mail-stop"));
            return mail;
        }
    }
}
