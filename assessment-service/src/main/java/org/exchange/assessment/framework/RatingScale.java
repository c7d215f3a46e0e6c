package org.exchange.assessment.framework;

import java.util.List;

/** The one scale every standard is rated on, 1 to 6, with what each point means in plain words. */
public final class RatingScale {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 6;

    /** One point of the scale. */
    public record Point(int value, String label, String meaning) {
    }

    public static final List<Point> POINTS = List.of(
            new Point(1, "Not yet started", "This is new to me; I have not worked on it yet."),
            new Point(2, "Starting out", "I have tried this a few times and am finding my way."),
            new Point(3, "Developing", "I do this sometimes, and I still need support or planning to do it well."),
            new Point(4, "Secure", "I do this confidently and regularly in my teaching or training."),
            new Point(5, "Strong", "I do this well, adapt it to different learners and can show the impact."),
            new Point(6, "Could lead others", "I could coach, mentor or lead colleagues in this."));

    private RatingScale() {
    }

    /** Whether the value is a point on the scale. */
    public static boolean contains(int value) {
        return value >= LOWEST && value <= HIGHEST;
    }
}
