package org.exchange.assessment.framework;

/** Where a practitioner places themselves in the ETF's career stages; a "spiky profile" across standards is normal. */
public enum CareerStage {
    EARLY_CAREER("Early career"),
    EXPERIENCED("Experienced"),
    ADVANCED("Advanced");

    private final String title;

    CareerStage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
