package org.exchange.assessment;

import java.util.stream.IntStream;

import org.exchange.assessment.framework.Edition;
import org.exchange.assessment.framework.Standard;

/** Editions for tests of the domain without Spring. */
public final class TestEditions {

    private TestEditions() {
    }

    /** The 2022 edition's shape: 20 standards in three areas (1-7, 8-12, 13-20), no wording. */
    public static Edition twentyTwentyTwo() {
        return new Edition("etf-2022", "Professional Standards", 2022, "ETF", null, true, 1,
                IntStream.rangeClosed(1, 20).mapToObj(n -> new Standard("etf-2022-%02d".formatted(n), "etf-2022", n,
                        n <= 7 ? Standard.Area.VALUES_AND_ATTRIBUTES
                                : n <= 12 ? Standard.Area.KNOWLEDGE_AND_UNDERSTANDING : Standard.Area.SKILLS,
                        null, false, null)).toList());
    }
}
