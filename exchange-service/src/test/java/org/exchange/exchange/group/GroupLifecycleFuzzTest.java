package org.exchange.exchange.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;

/**
 * Coverage-guided fuzzing of the group lifecycle (Jazzer): any proposal a request can carry and any sequence of
 * changes either follows the lifecycle or is refused with a domain error (400 or 409), never anything else. A normal
 * build runs the seed corpus in {@code src/test/resources/.../GroupLifecycleFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/security.md).
 */
class GroupLifecycleFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @FuzzTest(maxDuration = "2m")
    void anyProposalAndAnySequenceOfChangesFollowsTheLifecycleOrIsRefused(FuzzedDataProvider data) {
        GroupRules rules;
        try {
            rules = new GroupRules(data.consumeInt(-2, 50), data.consumeInt(-2, 30), data.consumeInt(-2, 60));
        } catch (IllegalArgumentException refused) {
            return; // configuration the service refuses to start with
        }
        Group group;
        try {
            group = Group.propose(UUID.randomUUID(), "Maths", GroupKind.SUBJECT, "maths", "Fractions",
                    data.consumeInt(), date(data), date(data), facilitators(data), UUID.randomUUID(), NOW, rules);
        } catch (InvalidRequestException refused) {
            return;
        }
        assertThat(group.status()).isEqualTo(GroupStatus.PROPOSED);
        assertThat(group.capacity()).isPositive();
        assertThat(group.plannedEnd()).isAfter(group.plannedStart());
        assertThat(group.facilitatorIds()).doesNotHaveDuplicates();

        int steps = data.consumeInt(0, 12);
        for (int step = 0; step < steps; step++) {
            GroupStatus before = group.status();
            try {
                group = switch (data.consumeInt(0, 4)) {
                    case 0 -> group.openForMembers();
                    case 1 -> group.activate(data.consumeInt(-1, 100), rules, NOW);
                    case 2 -> group.startReporting();
                    case 3 -> group.close(data.consumeInt(-1, 100), data.consumeInt(-1, 5), rules, NOW);
                    default -> group.withFacilitator(data.consumeBoolean() ? UUID.randomUUID()
                            : group.facilitatorIds().isEmpty() ? UUID.randomUUID() : group.facilitatorIds().getFirst());
                };
            } catch (ConflictException refused) {
                assertThat(group.status()).isEqualTo(before);
                continue;
            }
            holds(before, group);
        }
    }

    /** What every change keeps true: the status moves one step forward or not at all, with its times set. */
    private static void holds(GroupStatus before, Group after) {
        assertThat(after.status().ordinal()).as("%s after %s", after.status(), before)
                .isBetween(before.ordinal(), before.ordinal() + 1);
        assertThat(after.facilitatorIds()).doesNotHaveDuplicates();
        if (after.status().ordinal() >= GroupStatus.ACTIVE.ordinal()) {
            assertThat(after.activatedAt()).isNotNull();
            assertThat(after.facilitatorIds()).isNotEmpty();
        }
        assertThat(after.closedAt() != null).isEqualTo(after.status() == GroupStatus.CLOSED);
    }

    /** Any date a request's JSON can hold, the far past and future included. */
    private static LocalDate date(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> LocalDate.of(2026, 1, 1).plusDays(data.consumeInt(-800, 800));
            case 1 -> LocalDate.MAX.minusDays(data.consumeInt(0, 800));
            case 2 -> LocalDate.MIN.plusDays(data.consumeInt(0, 800));
            default -> LocalDate.ofEpochDay(data.consumeLong(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()));
        };
    }

    private static List<UUID> facilitators(FuzzedDataProvider data) {
        List<UUID> ids = new ArrayList<>();
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            ids.add(data.consumeBoolean() && !ids.isEmpty() ? ids.getFirst() : UUID.randomUUID());
        }
        return ids;
    }
}
