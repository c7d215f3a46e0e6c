package org.exchange.assessment.framework;

/**
 * One Professional Standard of an edition, with its latest wording.
 *
 * @param id stable id, such as {@code etf-2022-07}
 * @param editionId the edition it belongs to
 * @param number its number in the edition (1 to 20)
 * @param area its area
 * @param wording its published wording as far as it was found, or null when none was found
 * @param complete whether the wording is the full published text
 * @param source where the wording came from
 */
public record Standard(String id, String editionId, int number, Area area, String wording, boolean complete,
        String source) {

    /** The three areas each edition groups its standards in. */
    public enum Area {
        VALUES_AND_ATTRIBUTES("Professional values and attributes"),
        KNOWLEDGE_AND_UNDERSTANDING("Professional knowledge and understanding"),
        SKILLS("Professional skills");

        private final String title;

        Area(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
