package org.exchange.notification.preference;

/**
 * How often a person gets the discussion digest: never, each morning, or each Monday morning. Off is the DIGEST
 * category's e-mail switched off (so its one-click unsubscribe link turns the digest off); on, the frequency chosen,
 * weekly unless the person said otherwise.
 */
public enum DigestFrequency {
    OFF, DAILY, WEEKLY;

    /** What a person who has not chosen gets: one mail a week is enough to keep up without being a burden. */
    public static final DigestFrequency DEFAULT = WEEKLY;
}
