package org.exchange.notification.feed;

/** What a notification is about; people choose per category what reaches them by e-mail. */
public enum Category {
    WELCOME,
    MEETINGS,
    REGISTRATIONS,
    MEMBERSHIP,
    ASSESSMENT,
    AWARDS,
    OUTCOMES,
    NEWSLETTER
}
