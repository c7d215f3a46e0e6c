package org.exchange.assessment.framework;

import java.util.List;

/**
 * A data file of the Professional Standards ({@code src/main/resources/standards/*.json}), as read by
 * {@link StandardsLoader}.
 */
record StandardsData(int dataVersion, String description, List<Area> areas, List<Edition> editions) {

    /** One of the three areas of an edition. */
    record Area(String code, String name) {
    }

    /** A published edition of the standards. */
    record Edition(String id, String name, int year, String publisher, boolean current, String source,
            List<Text> standards) {
    }

    /** A standard's published wording, as far as it was found, and where it came from. */
    record Text(String id, int number, String area, String wording, boolean complete, String source, String note) {
    }
}
