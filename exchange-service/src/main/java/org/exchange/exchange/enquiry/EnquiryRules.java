package org.exchange.exchange.enquiry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits of enquiries, named once ({@code exchange.enquiries.*}): how many enquiries one person may send in an
 * hour (more is answered 429), and how many a programme admin's inbox lists at most. The lengths of subjects,
 * messages and replies are limits of the API's bodies ({@link EnquiryController}).
 */
@ConfigurationProperties("exchange.enquiries")
public record EnquiryRules(Integer perPersonPerHour, Integer inboxLimit) {

    public EnquiryRules {
        perPersonPerHour = perPersonPerHour == null ? 5 : perPersonPerHour;
        inboxLimit = inboxLimit == null ? 200 : inboxLimit;
        if (perPersonPerHour < 1 || inboxLimit < 1) {
            throw new IllegalArgumentException("exchange.enquiries allows at least one enquiry an hour and lists at "
                    + "least one");
        }
    }
}
