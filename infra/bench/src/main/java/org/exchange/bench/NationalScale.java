package org.exchange.bench;

/**
 * How much data the national-scale generator writes: the national figures times a scale factor (1.0 is the
 * whole further-education workforce of England; 0.01 a quick run), never fewer than a valid programme needs.
 */
record NationalScale(double factor, int practitioners, int organisations, int networks, int groups, int meetings,
        int attendances, int outcomes, int selfAssessments, int enrolments) {

    static NationalScale of(double factor) {
        if (!(factor > 0) || factor > 10) {
            throw new IllegalArgumentException("The scale factor must be above 0 and at most 10: " + factor);
        }
        int groups = atLeast(20_000, factor, 4);
        int practitioners = atLeast(250_000, factor, 60);
        return new NationalScale(factor, practitioners, atLeast(2_000, factor, 3), atLeast(200, factor, 2), groups,
                // a group meets at least four times
                Math.max(atLeast(200_000, factor, 1), groups * 4), atLeast(2_000_000, factor, 100),
                atLeast(50_000, factor, 4), Math.min(practitioners, atLeast(250_000, factor, 60)),
                Math.min(practitioners, atLeast(20_000, factor, 4)));
    }

    private static int atLeast(int national, double factor, int minimum) {
        return (int) Math.max(minimum, Math.round(national * factor));
    }
}
