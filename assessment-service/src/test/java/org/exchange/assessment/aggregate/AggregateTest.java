package org.exchange.assessment.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exchange.assessment.TestEditions;
import org.exchange.assessment.framework.Edition;
import org.junit.jupiter.api.Test;

class AggregateTest {

    static final Edition EDITION = TestEditions.twentyTwentyTwo();

    static List<Aggregate.Row> people(int count, int baseline, int latest, boolean reviewed) {
        List<Aggregate.Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID person = UUID.randomUUID();
            EDITION.standards().forEach(standard -> rows.add(new Aggregate.Row(person, standard.id(), baseline,
                    latest, reviewed)));
        }
        return rows;
    }

    @Test
    void fourPeopleShowNoFiguresAndSayWhy() {
        Aggregate aggregate = Aggregate.of(EDITION, people(4, 2, 4, true), 5);

        assertThat(aggregate.withheld()).isTrue();
        assertThat(aggregate.standards()).isEmpty();
        assertThat(aggregate.people()).isEqualTo(4);
        assertThat(aggregate.reason()).contains("Fewer than 5 people");
    }

    @Test
    void fivePeopleShowTheDistributionAndTheAverageChange() {
        List<Aggregate.Row> rows = people(3, 2, 4, true);
        rows.addAll(people(2, 3, 3, true));

        Aggregate aggregate = Aggregate.of(EDITION, rows, 5);

        assertThat(aggregate.withheld()).isFalse();
        assertThat(aggregate.standards()).hasSize(20);
        assertThat(aggregate.standards().getFirst().distribution()).containsExactly(0, 0, 2, 3, 0, 0);
        assertThat(aggregate.standards().getFirst().averageChangeSinceBaseline()).isEqualTo(1.2);
    }

    @Test
    void theAverageChangeWaitsForFivePeopleWhoReviewed() {
        List<Aggregate.Row> rows = people(4, 2, 4, true);
        rows.addAll(people(1, 3, 3, false));

        Aggregate aggregate = Aggregate.of(EDITION, rows, 5);

        assertThat(aggregate.withheld()).isFalse();
        assertThat(aggregate.changeWithheld()).isTrue();
        assertThat(aggregate.standards().getFirst().averageChangeSinceBaseline()).isNull();
        assertThat(aggregate.reason()).contains("reviewed");
    }

    @Test
    void aCsvCellThatASpreadsheetWouldRunAsAFormulaIsReadAsText() {
        assertThat(AggregateCsv.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(AggregateCsv.safe("+1")).isEqualTo("'+1");
        assertThat(AggregateCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AggregateCsv.safe("-1.5")).isEqualTo("-1.5");
        assertThat(AggregateCsv.safe("-cmd")).isEqualTo("'-cmd");
        assertThat(AggregateCsv.safe("group 1")).isEqualTo("group 1");
    }
}
