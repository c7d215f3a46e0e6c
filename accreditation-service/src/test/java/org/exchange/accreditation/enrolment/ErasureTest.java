package org.exchange.accreditation.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.accreditation.support.AccreditationApi.COLLEGE;
import static org.exchange.accreditation.support.AccreditationApi.DEVELOPMENT;
import static org.exchange.accreditation.support.AccreditationApi.ENDORSED;
import static org.exchange.accreditation.support.AccreditationApi.body;
import static org.exchange.accreditation.support.AccreditationApi.id;
import static org.exchange.accreditation.support.AccreditationApi.practitioner;
import static org.exchange.accreditation.support.AccreditationApi.programmeAdmin;
import static org.exchange.accreditation.support.AccreditationApi.today;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.exchange.accreditation.support.AccreditationApi.Person;
import org.exchange.accreditation.support.AccreditationIntegrationTest;
import org.exchange.accreditation.support.Events;
import org.exchange.contracts.Topics;
import org.exchange.testing.ServiceDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/** Erasure removes a person's own words; an award ILM confirmed stays on record, pseudonymised (docs/adr/0007). */
class ErasureTest extends AccreditationIntegrationTest {

    @Autowired
    ServiceDatabase database;

    @Test
    void erasureEndsOpenEnrolmentsRemovesPersonalContentAndKeepsConfirmedAwardsPseudonymised() throws Exception {
        Person candidate = practitioner("Erin", COLLEGE);
        UUID awarded = api.awarded(candidate);
        String credential = JsonPath.read(body(mvc.perform(get("/api/accreditation/enrolments/" + awarded
                + "/credential.json").with(candidate.token()))), "$.id");
        UUID open = api.enrolled(candidate, ENDORSED, 0);
        mvc.perform(post("/api/accreditation/enrolments/" + open + "/reflections").with(candidate.token())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"My first set\",\"text\":\"I talked too much\"}"))
                .andExpect(status().isCreated());

        Events.send(Topics.MEMBERSHIP, "membership.PractitionerErasureRequested.v1", candidate.id().toString(),
                "{\"practitionerId\":\"%s\",\"requestedAt\":\"%s\"}".formatted(candidate.id(), Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JsonPath.<String>read(
                api.enrolment(open, programmeAdmin()), "$.status").equals("WITHDRAWN"));
        String reflections = body(mvc.perform(get("/api/accreditation/enrolments/" + open + "/reflections")
                .with(programmeAdmin().token())));
        assertThat(reflections).doesNotContain("I talked too much");
        assertThat(JsonPath.<String>read(api.enrolment(awarded, programmeAdmin()), "$.status")).isEqualTo("AWARDED");
        assertThat(JsonPath.<String>read(api.enrolment(awarded, programmeAdmin()), "$.candidate.name"))
                .isEqualTo("Former participant");
        List<Map<String, Object>> confirmed = JsonPath.read(body(mvc.perform(get(
                "/api/accreditation/admin/completions?confirmed=true").with(programmeAdmin().token()))),
                "$[?(@.enrolmentId == '" + awarded + "')]");
        assertThat(confirmed).singleElement().satisfies(row -> {
            assertThat(row).doesNotContainKeys("candidateGivenName", "candidateFamilyName", "candidateEmail");
            assertThat(row).containsEntry("candidateId", candidate.id().toString());
            assertThat(row.get("ilmReference")).isNotNull();
        });
        String status = body(mvc.perform(get(credential.substring(credential.indexOf("/api/")))));
        assertThat(JsonPath.<String>read(status, "$.status")).isEqualTo("VALID");
        assertThat(JsonPath.<Map<String, Object>>read(status, "$")).doesNotContainKey("holderName");
    }

    @Test
    void erasureReachesEveryTableOfThisContextThatHoldsTheirPersonalData() throws Exception {
        Person erin = practitioner("Erin", COLLEGE);
        UUID awarded = api.awarded(erin);
        mvc.perform(get("/api/accreditation/enrolments/" + awarded + "/credential.json").with(erin.token()))
                .andExpect(status().isOk());
        UUID open = api.enrolled(erin, ENDORSED, 0);
        UUID entry = id(api.logHours(erin, open, "OBSERVED_PRACTICE", "2").andExpect(status().isCreated()));
        mvc.perform(multipart("/api/accreditation/enrolments/" + open + "/hours/" + entry + "/evidence")
                .file(new MockMultipartFile("file", "erin-observed.txt", "text/plain",
                        "What my learners said about me".getBytes(StandardCharsets.UTF_8)))
                .with(erin.token())).andExpect(status().isCreated());
        api.savePlan(erin, open).andExpect(status().isOk());
        mvc.perform(post("/api/accreditation/enrolments/" + open + "/reflections").with(erin.token())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"My first set\",\"text\":\"I talked too much\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/accreditation/enrolments/" + open + "/cpd-commitment").with(erin.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"statement\":\"Two sets a term\"}"))
                .andExpect(status().isOk());
        UUID invoice = UUID.randomUUID();
        database.awaitHandled(Events.send(Topics.MEMBERSHIP, "membership.InvoiceIssued.v1", invoice.toString(), """
                {"invoiceId":"%s","invoiceNumber":"EXM-2026-0700","practitionerId":"%s","purpose":"AWARD",
                 "membershipYear":2026,"amount":995.00,"currency":"GBP","issuedOn":"%s","dueOn":"%s",
                 "issuedAt":"%s","enrolmentId":"%s","programmeTitle":"ILM Endorsed Award"}"""
                .formatted(invoice, erin.id(), today(), today().plusDays(30), Instant.now(), open)));
        // Finn has no award: his workshops serve nothing once he is forgotten
        Person finn = practitioner("Finn", COLLEGE);
        api.twoWorkshops(finn, api.enrolled(finn, DEVELOPMENT, 0));
        List<UUID> enrolments = List.of(awarded, open);

        // before: every table of this context that holds something of a person's holds something of Erin's
        assertThat(database.count("""
                select count(*) from person where person_id = ? and given_name = 'Erin' and email is not null""",
                erin.id())).isOne();
        assertThat(database.countIn("hours_entry where description is not null and enrolment_id", enrolments))
                .isEqualTo(5);
        assertThat(database.countIn("evidence where enrolment_id", enrolments)).isOne();
        assertThat(database.countIn("development_plan where goals <> '[]'::jsonb and enrolment_id", enrolments))
                .isEqualTo(2);
        assertThat(database.countIn("reflection where enrolment_id", enrolments)).isOne();
        assertThat(database.countIn("cpd_commitment where enrolment_id", enrolments)).isOne();
        assertThat(database.countIn("observation where enrolment_id", enrolments)).isOne();
        assertThat(database.countIn("recommendation where enrolment_id", enrolments)).isEqualTo(2);
        assertThat(database.countIn("credential where holder_name is not null and enrolment_id", enrolments)).isOne();
        assertThat(database.countIn("enrolment_fee where enrolment_id", enrolments)).isOne();
        assertThat(database.count("select count(*) from workshop where practitioner_id = ?", erin.id())).isEqualTo(2);
        assertThat(database.count("select count(*) from workshop where practitioner_id = ?", finn.id())).isEqualTo(2);

        database.awaitHandled(erasureOf(erin), erasureOf(finn));

        assertErased(erin, finn, enrolments);
        // events that name them after their erasure bring nothing back
        database.awaitHandled(profileUpdated(erin), Events.attendance(UUID.randomUUID(), finn.id(),
                UUID.randomUUID(), "LEAD_FACILITATOR", 90, Instant.now(), false));
        assertErased(erin, finn, enrolments);

        database.personalDataTables()
                .erasureRemovesOrBlanks("person", "enrolment", "hours_entry", "evidence", "development_plan",
                        "reflection", "cpd_commitment", "observation", "recommendation", "credential")
                .keepsOnlyAPseudonymousId("workshop", "only for a person with an award ILM confirmed: the workshops "
                        + "it rests on (docs/adr/0007); anyone else's are removed")
                .keepsOnlyAPseudonymousId("enrolment_fee", "the programme fee's invoice as membership-service issued "
                        + "it, kept for the accounting period as membership keeps the invoice, without a name")
                .notAboutTheErasedPerson("organisation", "organisations' names")
                .notAboutTheErasedPerson("programme_version", "the programmes' published requirements")
                .assertEveryTableIsAccountedFor();
    }

    /**
     * Erin's name and e-mail, her own words and files are gone; her enrolments, the hours, the fee and the workshops
     * her award rests on stay, named by her subject id alone (docs/adr/0007). Finn's workshops are gone.
     */
    private void assertErased(Person erin, Person finn, List<UUID> enrolments) {
        assertThat(database.count("""
                select count(*) from person where person_id = ? and erased
                   and given_name is null and family_name is null and email is null""", erin.id()))
                .as("person: name and e-mail forgotten").isOne();
        assertThat(database.count("""
                select count(*) from enrolment where candidate_id = ? and erased
                   and coalesce(decision_reason, '(erased)') = '(erased)'""", erin.id()))
                .as("enrolment: marked erased, decision reason replaced").isEqualTo(2);
        assertThat(database.countIn("hours_entry where description is not null and enrolment_id", enrolments))
                .as("hours_entry: descriptions").isZero();
        assertThat(database.countIn("hours_entry where enrolment_id", enrolments)).as("hours_entry: the hours")
                .isEqualTo(5);
        assertThat(database.countIn("evidence where enrolment_id", enrolments)).as("evidence").isZero();
        assertThat(database.countIn("development_plan where goals <> '[]'::jsonb and enrolment_id", enrolments))
                .as("development_plan: goals").isZero();
        assertThat(database.countIn("reflection where (title, text) <> ('(erased)', '(erased)') and enrolment_id",
                enrolments)).as("reflection").isZero();
        assertThat(database.countIn("cpd_commitment where statement <> '(erased)' and enrolment_id", enrolments))
                .as("cpd_commitment").isZero();
        assertThat(database.countIn("observation where (seen, feedback) <> ('(erased)', '(erased)') and enrolment_id",
                enrolments)).as("observation: what was seen, feedback").isZero();
        assertThat(database.countIn("recommendation where reasons <> '(erased)' and enrolment_id", enrolments))
                .as("recommendation: reasons").isZero();
        assertThat(database.countIn("credential where holder_name is null and enrolment_id", enrolments))
                .as("credential: kept without the holder's name").isOne();
        assertThat(database.countIn("enrolment_fee where enrolment_id", enrolments)).as("enrolment_fee: kept").isOne();
        assertThat(database.count("select count(*) from workshop where practitioner_id = ?", erin.id()))
                .as("workshop: what Erin's award rests on").isEqualTo(2);
        assertThat(database.count("select count(*) from workshop where practitioner_id = ?", finn.id()))
                .as("workshop: Finn's").isZero();
    }

    private static UUID profileUpdated(Person person) {
        return Events.send(Topics.MEMBERSHIP, "membership.PractitionerProfileUpdated.v1", person.id().toString(), """
                {"practitionerId":"%s","email":"erin@college.test","givenName":"%s","familyName":"%s",
                 "jobRole":"Tutor","organisationId":"%s","region":"West Midlands","specialisms":[],
                 "newsletterConsent":false,"nameOnOutcomesConsent":true,"updatedAt":"%s"}"""
                .formatted(person.id(), person.givenName(), person.familyName(), person.organisationId(),
                        Instant.now()));
    }

    private static UUID erasureOf(Person person) {
        return Events.send(Topics.MEMBERSHIP, "membership.PractitionerErasureRequested.v1", person.id().toString(),
                "{\"practitionerId\":\"%s\",\"requestedAt\":\"%s\"}".formatted(person.id(), Instant.now()));
    }
}
