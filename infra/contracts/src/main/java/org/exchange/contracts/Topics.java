package org.exchange.contracts;

/** The topics of the platform: one per publishing context, dead letters beside each. */
public final class Topics {

    public static final String MEMBERSHIP = "membership.events";
    public static final String EXCHANGE = "exchange.events";
    public static final String ASSESSMENT = "assessment.events";
    public static final String ACCREDITATION = "accreditation.events";
    public static final String NOTIFICATION = "notification.events";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** The topic of a publishing context. */
    public static String of(String context) {
        return context + ".events";
    }

    /** Where a consumer parks what it cannot process after its retries. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
