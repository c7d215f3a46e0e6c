package org.exchange.exchange.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class GroupTest {

    static final GroupRules RULES = GroupRules.standard();
    static final Instant NOW = Instant.parse("2018-09-01T09:00:00Z");
    static final LocalDate START = LocalDate.parse("2018-10-01");

    final UUID facilitator = UUID.randomUUID();

    @Test
    void theProgrammesRulesAreFourMeetingsOverFourToTwelveMonths() {
        assertThat(RULES.minimumMeetings()).isEqualTo(4);
        assertThat(RULES.minimumSpanMonths()).isEqualTo(4);
        assertThat(RULES.maximumSpanMonths()).isEqualTo(12);
    }

    @Test
    void rulesThatCannotBeMetAreRefusedAtStart() {
        assertThatThrownBy(() -> new GroupRules(0, 4, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupRules(4, 12, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSpanOfFourToTwelveMonthsIsAccepted() {
        assertThat(propose(START.plusMonths(4)).status()).isEqualTo(GroupStatus.PROPOSED);
        assertThat(propose(START.plusMonths(12)).status()).isEqualTo(GroupStatus.PROPOSED);
    }

    @Test
    void aSpanShorterThanFourMonthsIsRefused() {
        assertThatThrownBy(() -> propose(START.plusMonths(4).minusDays(1)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("4 to 12 months");
    }

    @Test
    void aSpanLongerThanTwelveMonthsIsRefused() {
        assertThatThrownBy(() -> propose(START.plusMonths(12).plusDays(1)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theNumbersComeFromTheRulesGiven() {
        GroupRules shorter = new GroupRules(2, 2, 3);

        Group group = Group.propose(UUID.randomUUID(), "Short maths group", GroupKind.SUBJECT, "maths",
                "Fractions", 10, START, START.plusMonths(2), List.of(facilitator), facilitator, NOW, shorter)
                .openForMembers();

        assertThat(group.activate(2, shorter, NOW).status()).isEqualTo(GroupStatus.ACTIVE);
    }

    @Test
    void aGroupBecomesActiveWithAFacilitatorAndFourMeetingsPlanned() {
        Group active = propose(START.plusMonths(6)).openForMembers().activate(4, RULES, NOW);

        assertThat(active.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(active.activatedAt()).isEqualTo(NOW);
    }

    @Test
    void aGroupWithThreeMeetingsPlannedDoesNotBecomeActive() {
        Group forming = propose(START.plusMonths(6)).openForMembers();

        assertThatThrownBy(() -> forming.activate(3, RULES, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("at least 4 meetings");
    }

    @Test
    void aGroupWithoutAFacilitatorDoesNotBecomeActive() {
        Group forming = Group.propose(UUID.randomUUID(), "ESOL group", GroupKind.SUBJECT, "ESOL", "Speaking",
                10, START, START.plusMonths(6), List.of(), UUID.randomUUID(), NOW, RULES).openForMembers();

        assertThatThrownBy(() -> forming.activate(6, RULES, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("facilitator");
    }

    @Test
    void aProposedGroupCannotSkipFormingToBecomeActive() {
        assertThatThrownBy(() -> propose(START.plusMonths(6)).activate(4, RULES, NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aGroupClosesAfterFourMeetingsHeldAndItsOutcomePublished() {
        Group reporting = activeGroup().startReporting();

        Group closed = reporting.close(4, 1, RULES, NOW);

        assertThat(closed.status()).isEqualTo(GroupStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(NOW);
    }

    @Test
    void aGroupThatHeldThreeMeetingsDoesNotClose() {
        Group reporting = activeGroup().startReporting();

        assertThatThrownBy(() -> reporting.close(3, 1, RULES, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("held 3");
    }

    @Test
    void aGroupWithoutAPublishedOutcomeDoesNotClose() {
        Group reporting = activeGroup().startReporting();

        assertThatThrownBy(() -> reporting.close(5, 0, RULES, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("outcome");
    }

    @Test
    void anActiveGroupClosesOnlyThroughReporting() {
        assertThatThrownBy(() -> activeGroup().close(4, 1, RULES, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void membersJoinOnlyWhileTheGroupFormsOrMeets() {
        Group proposed = propose(START.plusMonths(6));
        Group forming = proposed.openForMembers();
        Group active = activeGroup();
        Group reporting = active.startReporting();

        assertThatThrownBy(proposed::requireAcceptsMembers).isInstanceOf(ConflictException.class);
        forming.requireAcceptsMembers();
        active.requireAcceptsMembers();
        assertThatThrownBy(reporting::requireAcceptsMembers).isInstanceOf(ConflictException.class);
    }

    private Group activeGroup() {
        return propose(START.plusMonths(6)).openForMembers().activate(4, RULES, NOW);
    }

    private Group propose(LocalDate plannedEnd) {
        return Group.propose(UUID.randomUUID(), "Maths: making fractions stick", GroupKind.SUBJECT, "maths",
                "Learners forget fractions between sessions", 12, START, plannedEnd, List.of(facilitator),
                facilitator, NOW, RULES);
    }
}
