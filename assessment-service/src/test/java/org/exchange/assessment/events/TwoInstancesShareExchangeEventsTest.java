package org.exchange.assessment.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exchange.assessment.AssessmentIntegrationTest;
import org.exchange.contracts.exchange.MemberJoinedGroup;
import org.exchange.contracts.exchange.MemberLeftGroup;
import org.exchange.testing.TwoInstances;
import org.exchange.testing.TwoInstances.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Assessment-service scaled out to two instances: they share exchange's topic, and each member's joining and
 * leaving a group take effect once, though both come again latest first to either instance: a late repeat of the
 * joining would put the member back in the group and count them in its aggregates.
 */
class TwoInstancesShareExchangeEventsTest extends AssessmentIntegrationTest {

    private static final String GROUP_NAME = "Fractions that stick";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesShareExchangesTopicAndEachJoiningAndLeavingTakesEffectOnceThoughDeliveredAgain() {
        UUID network = UUID.randomUUID();
        List<UUID> groups = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID group = UUID.randomUUID();
            groups.add(group);
            UUID stays = UUID.randomUUID();
            UUID leaves = UUID.randomUUID();
            events.add(Event.of(group, joined(group, network, stays)));
            events.add(Event.of(group, joined(group, network, leaves)));
            events.add(Event.of(group, new MemberLeftGroup(group, network, GROUP_NAME, leaves,
                    Instant.parse("2026-11-24T10:00:00Z"))));
        }

        TwoInstances.deliver(context, events);

        assertThat(jdbc.sql("select count(*) from group_member where group_id in (:groups)")
                .param("groups", groups).query(Long.class).single())
                .as("one member left in each group: the one who stayed")
                .isEqualTo(groups.size());
    }

    private static MemberJoinedGroup joined(UUID group, UUID network, UUID person) {
        return new MemberJoinedGroup(group, network, GROUP_NAME, person, false, Instant.parse("2026-11-23T10:00:00Z"));
    }
}
