package org.exchange.notification.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mail is sent ({@code exchange.mail.*}).
 *
 * @param from the sender of every mail; its domain names the Message-IDs
 * @param maxAttempts attempts before a mail is given up on (a 5xx reply gives up at once)
 * @param firstRetry the pause after a first failed attempt; it doubles with each further one
 * @param batchSize mails one sender claims at a time
 * @param lease how long a claim keeps other senders away; a sender that dies leaves its mails to others after it
 * @param ratePerSecond messages per second one instance sends at most, 0 for no limit
 * @param ratePerMinute messages per minute one instance sends at most, 0 for no limit
 */
@ConfigurationProperties("exchange.mail")
public record MailSettings(
        @DefaultValue("Exchange <no-reply@exchange.test>") String from,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT10S") Duration firstRetry,
        @DefaultValue("50") int batchSize,
        @DefaultValue("PT5M") Duration lease,
        @DefaultValue("0") int ratePerSecond,
        @DefaultValue("0") int ratePerMinute) {

    /** The domain of the sender's address, for Message-IDs. */
    String domain() {
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
        return address.substring(address.indexOf('@') + 1).strip();
    }

    /** The same settings at other rates. */
    MailSettings withRate(int perSecond, int perMinute) {
        return new MailSettings(from, maxAttempts, firstRetry, batchSize, lease, perSecond, perMinute);
    }
}
