package org.exchange.notification.preference;

/**
 * What a notification is about. The feed always gets every category; people choose per category whether it also
 * reaches them by e-mail, except for transactional ones, which concern their account or money and are always sent.
 */
public enum Category {
    WELCOME("Welcome to the Exchange", true, true),
    MEMBERSHIP("Your Learning Exchange membership: its start, renewal and lapse", true, true),
    RENEWAL("Reminders before your Learning Exchange membership ends", false, true),
    INVOICE("Invoices and payment receipts", true, true),
    MEETING("Meetings and events: new ones for your groups, changes and cancellations", false, true),
    REGISTRATION("Your places at meetings and on their waitlists", false, true),
    REMINDER("Reminders before meetings and events you registered for", false, true),
    OUTCOME("Outcomes your groups publish", false, true),
    ASSESSMENT("Self-assessment against the Professional Standards", false, true),
    AWARD("Progress towards your ILM award", false, true),
    INTEREST("Groups forming in a subject and region you registered interest in", false, true),
    MENTION("Someone mentioning you in a discussion", false, true),
    // the person asked: the answer to their own enquiry always reaches them
    ENQUIRY("Answers to the enquiries you sent to a network or the Learning Exchange", true, true),
    // a group's discussion can be busy: new threads reach the feed, and e-mail only for those who ask for it
    DISCUSSION("New threads in your groups' discussions", false, false),
    // one mail a week (or a day, or none: DigestFrequency) with the new posts in the person's discussion spaces
    DIGEST("A digest of new posts in your groups' and networks' discussions", false, true),
    // the newsletter needs consent: it starts off until the person's profile says yes
    NEWSLETTER("The quarterly newsletter", false, false);

    private final String label;
    private final boolean transactional;
    private final boolean emailByDefault;

    Category(String label, boolean transactional, boolean emailByDefault) {
        this.label = label;
        this.transactional = transactional;
        this.emailByDefault = emailByDefault;
    }

    /** What the category covers, as people read it. */
    public String label() {
        return label;
    }

    /** Whether e-mail is always sent, whatever the person's preferences. */
    public boolean transactional() {
        return transactional;
    }

    /** Whether e-mail is sent when the person has not said otherwise. */
    public boolean emailByDefault() {
        return emailByDefault;
    }
}
