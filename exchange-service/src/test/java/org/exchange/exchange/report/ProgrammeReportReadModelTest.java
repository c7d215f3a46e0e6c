package org.exchange.exchange.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Person;
import org.exchange.platform.security.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The programme report reads figures the database keeps with every write (V21_5); these tests hold them to what the
 * raw tables give ({@link RawReportQueries}, the report's queries before), scope by scope, after each write path;
 * the group lines paged through five at a time are the oracle's, in its order.
 */
class ProgrammeReportReadModelTest extends ExchangeIntegrationTest {

    private static final Caller ADMIN = new Caller(UUID.randomUUID(), "admin", null, null, null, null,
            Set.of(Caller.ROLE_PROGRAMME_ADMIN));

    @Autowired
    ReportService reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    TransactionTemplate transactions;

    RawReportQueries raw;
    UUID network;
    UUID otherNetwork;
    UUID cycle;
    UUID lead = UUID.randomUUID();
    UUID ada = UUID.randomUUID();
    UUID bob = UUID.randomUUID();
    UUID cy = UUID.randomUUID();
    UUID dee = UUID.randomUUID();
    String college = "org-" + UUID.randomUUID();
    String provider = "org-" + UUID.randomUUID();

    @BeforeEach
    void aNetworkWithACycleOfTwoWavesAndPeopleFromTwoOrganisations() throws Exception {
        raw = new RawReportQueries(jdbc);
        directory.saveOrganisation(college, "Westmid College", "COLLEGE", "West Midlands", Instant.now());
        directory.saveOrganisation(provider, "Bham Skills", "WORK_BASED_LEARNING", "West Midlands", Instant.now());
        directory.savePerson(new Person(ada, "Ada", "Lovelace", college, false), Instant.now());
        directory.savePerson(new Person(cy, "Cy", "Young", provider, false), Instant.now());
        directory.savePerson(new Person(dee, "Dee", "Smith", college, false), Instant.now());
        network = api.westMidlands();
        otherNetwork = api.westMidlands();
        cycle = ExchangeApi.id(mvc.perform(post("/api/exchange/networks/" + network + "/cycles")
                .with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"West Midlands Professional Exchange 2026-27","startsOn":"2026-01-01",
                         "endsOn":"2027-12-31","waves":[
                           {"number":1,"name":"Wave 1","startsOn":"2026-01-01","endsOn":"2026-12-31"},
                           {"number":2,"name":"Wave 2","startsOn":"2027-01-01","endsOn":"2027-12-31"}]}"""))
                .andExpect(status().isCreated()));
    }

    @Test
    void everyFigureEqualsTheRawTablesAcrossTheWritePaths() throws Exception {
        UUID fractions = api.activeGroup(network, lead, 2);
        UUID reading = api.formingGroup(network, lead, 10);
        placeInProgramme(fractions, 1);
        placeInProgramme(reading, 2);
        UUID launch = api.launchEvent(network, 50);
        assertSameAsRawTables("groups proposed, placed in waves, a launch event");

        api.join(fractions, ada).andExpect(status().isCreated());
        api.join(fractions, bob).andExpect(status().isCreated());
        api.join(fractions, cy).andExpect(status().isCreated());
        api.join(reading, cy).andExpect(status().isCreated());
        assertSameAsRawTables("joined, one on the waitlist");

        mvc.perform(delete("/api/exchange/groups/" + fractions + "/members/me").with(practitioner(bob)))
                .andExpect(status().isNoContent());
        assertSameAsRawTables("left, the first waiting took the place");

        register(launch, ada);
        register(launch, bob);
        register(launch, dee);
        mvc.perform(delete("/api/exchange/meetings/" + launch + "/registrations/me").with(practitioner(bob)))
                .andExpect(status().isNoContent());
        assertSameAsRawTables("registered for the launch, one cancelled");

        List<UUID> meetings = meetingsOf(fractions);
        api.letTimePass(Duration.ofDays(8));
        recordAttendance(meetings.get(0), 120, 90);
        assertSameAsRawTables("attendance recorded");
        recordAttendance(meetings.get(0), 0, 60);
        assertSameAsRawTables("attendance corrected: no minutes for Ada");
        recordAttendance(meetings.get(0), 45, 60);
        assertSameAsRawTables("attendance corrected again");

        mvc.perform(post("/api/exchange/meetings/" + meetings.get(1) + "/cancel").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Snow\"}"))
                .andExpect(status().isOk());
        LocalDateTime later = api.tomorrow().plusDays(40).atTime(16, 0);
        mvc.perform(post("/api/exchange/meetings/" + meetings.get(2) + "/reschedule").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London","onlineUrl":"https://meet.test/x"}"""
                        .formatted(later, later.plusHours(2))))
                .andExpect(status().isOk());
        api.letTimePass(Duration.ofDays(14));
        assertSameAsRawTables("a meeting cancelled, one moved, time passed");

        UUID outcome = ExchangeApi.id(mvc.perform(post("/api/exchange/outcomes").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"groupId":"%s","kind":"REPORT","title":"Interim report","summary":"What we tried.",
                         "authorNames":["Ada Lovelace"],"subjectArea":"maths","licence":"CC BY 4.0",
                         "linkUrl":"https://files.test/interim.pdf"}""".formatted(fractions)))
                .andExpect(status().isCreated()));
        mvc.perform(post("/api/exchange/outcomes/" + outcome + "/disseminations").with(practitioner(ada))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"audience":"Maths team briefing","insideOrganisation":true,"peopleReached":12,
                         "disseminatedOn":"%s"}""".formatted(api.tomorrow().minusDays(1))))
                .andExpect(status().isCreated());
        assertSameAsRawTables("an outcome published and disseminated");

        directory.savePerson(new Person(cy, "Cy", "Young", college, false), Instant.now());
        directory.savePerson(new Person(dee, "Dee", "Smith", provider, false), Instant.now());
        assertSameAsRawTables("a person moved organisation");
        directory.erase(ada, Instant.now());
        assertSameAsRawTables("a person erased");

        placeInProgramme(reading, 1);
        assertSameAsRawTables("a group moved to another wave");

        // No write path moves a group to another network today; the read model follows one all the same.
        jdbc.sql("update exchange_group set network_id = :to where id = :group").param("to", otherNetwork)
                .param("group", fractions).update();
        jdbc.sql("update meeting set network_id = :to where group_id = :group").param("to", otherNetwork)
                .param("group", fractions).update();
        jdbc.sql("update outcome set network_id = :to where group_id = :group").param("to", otherNetwork)
                .param("group", fractions).update();
        assertSameAsRawTables("a group moved to another network with its meetings and outcome");
    }

    @Test
    void theMigrationFillsTheReadModelAsTheWritePathsKeepIt() throws Exception {
        UUID fractions = api.activeGroup(network, lead, 10);
        api.join(fractions, ada).andExpect(status().isCreated());
        api.join(fractions, cy).andExpect(status().isCreated());
        api.letTimePass(Duration.ofDays(8));
        recordAttendance(meetingsOf(fractions).get(0), 30, 60);

        String migration = new ClassPathResource("db/migration/V21_5__programme_report_read_model.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        String fill = migration.substring(migration.indexOf("-- What the raw tables hold already"));
        transactions.executeWithoutResult(tx -> {
            List<String> kept = readModel();
            jdbc.sql("delete from report_person; delete from report_attended_organisation; delete from report_figures")
                    .update();
            jdbc.sql(fill).update();
            assertThat(readModel()).containsExactlyElementsOf(kept);
            tx.setRollbackOnly();
        });
    }

    @Test
    void theKeptCountsAreFilledByTheirMigrationAsTheTriggersKeepThem() throws Exception {
        UUID fractions = api.activeGroup(network, lead, 10);
        api.join(fractions, ada).andExpect(status().isCreated());
        api.join(fractions, cy).andExpect(status().isCreated());
        api.launchEvent(network, 50);
        // no time passes here: the test clock is shared, and other tests' dates depend on how far it has moved
        mvc.perform(post("/api/exchange/meetings/" + meetingsOf(fractions).get(1) + "/cancel").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Snow\"}"))
                .andExpect(status().isOk());

        String migration = new ClassPathResource("db/migration/V22_1__programme_report_kept_counts.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        String fill = migration.substring(migration.indexOf("-- What the tables hold already"),
                migration.indexOf("-- Kept from here on"));
        transactions.executeWithoutResult(tx -> {
            List<String> kept = keptCounts();
            jdbc.sql("delete from report_people; update report_figures set meetings_scheduled = 0").update();
            jdbc.sql(fill).update();
            assertThat(keptCounts()).containsExactlyElementsOf(kept);
            tx.setRollbackOnly();
        });
    }

    private List<String> keptCounts() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("""
                select concat_ws('|', scope_id, organisation_id, practitioners) from report_people
                where practitioners <> 0 order by 1""").query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws('|', scope_id, kind, meetings_scheduled) from report_figures
                where meetings_scheduled <> 0 order by 1""").query(String.class).list());
        return rows;
    }

    private List<String> readModel() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("""
                select concat_ws('|', scope_id, practitioner_id, involvements, attended_organisation, organisation_id)
                from report_person order by 1""").query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws('|', scope_id, practitioner_id, organisation_id, attendances)
                from report_attended_organisation order by 1""").query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws('|', scope_id, kind, members, attendances, minutes, outcomes, disseminations,
                                 people_reached)
                from report_figures
                where members <> 0 or attendances <> 0 or minutes <> 0 or outcomes <> 0 or disseminations <> 0
                   or people_reached <> 0
                order by 1""").query(String.class).list());
        return rows;
    }

    private void assertSameAsRawTables(String after) {
        for (ReportScope scope : List.of(new ReportScope(null, null, null), new ReportScope(network, null, null),
                new ReportScope(otherNetwork, null, null), new ReportScope(network, cycle, null),
                new ReportScope(null, cycle, null), new ReportScope(network, cycle, 1),
                new ReportScope(null, cycle, 2), new ReportScope(otherNetwork, cycle, 1),
                new ReportScope(null, null, 1))) {
            ProgrammeReport report = reports.report(scope, ADMIN);
            assertThat(report).as("after: %s; scope %s", after, scope)
                    .isEqualTo(rawReport(scope, report.generatedAt()));
            assertThat(GroupPages.every(reports, scope, 5, ADMIN)).as("lines after: %s; scope %s", after, scope)
                    .isEqualTo(raw.groups(scope, report.generatedAt()));
        }
    }

    /** The report as the service computed it before, from the raw tables. */
    private ProgrammeReport rawReport(ReportScope scope, Instant now) {
        long[] meetings = raw.meetingsAndAttendance(scope, now);
        long[] outcomes = raw.outcomesAndReach(scope);
        return new ProgrammeReport(scope.networkId(), scope.cycleId(), scope.wave(), now,
                raw.practitionersInvolved(scope), raw.organisations(scope), raw.groupsByStatus(scope),
                (int) meetings[0], (int) meetings[1], meetings[2], (int) outcomes[0], (int) outcomes[1], outcomes[2]);
    }

    private void placeInProgramme(UUID group, int wave) throws Exception {
        mvc.perform(put("/api/exchange/groups/" + group + "/programme").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"cycleId\":\"%s\",\"waveNumber\":%d}".formatted(cycle, wave)))
                .andExpect(status().isOk());
    }

    private void register(UUID meeting, UUID person) throws Exception {
        mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(person)))
                .andExpect(status().isCreated());
    }

    private List<UUID> meetingsOf(UUID group) {
        return jdbc.sql("select id from meeting where group_id = :group order by starts_at").param("group", group)
                .query(UUID.class).list();
    }

    private void recordAttendance(UUID meeting, int adaMinutes, int cyMinutes) throws Exception {
        mvc.perform(put("/api/exchange/meetings/" + meeting + "/attendance").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"attendees":[{"practitionerId":"%s","role":"ATTENDEE","minutes":%d},
                                      {"practitionerId":"%s","role":"ATTENDEE","minutes":%d},
                                      {"practitionerId":"%s","role":"LEAD_FACILITATOR","minutes":120}],
                         "correctionReason":"Recorded again"}"""
                        .formatted(ada, adaMinutes, cy, cyMinutes, lead)))
                .andExpect(status().isOk());
    }
}
