package org.exchange.exchange.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.exchange.exchange.ExchangeApplication;
import org.exchange.exchange.attendance.AttendanceRole;
import org.exchange.exchange.attendance.AttendanceService;
import org.exchange.exchange.directory.Appointments;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Person;
import org.exchange.exchange.directory.Venue;
import org.exchange.exchange.group.Group;
import org.exchange.exchange.group.GroupKind;
import org.exchange.exchange.group.GroupService;
import org.exchange.exchange.group.ProgrammePlace;
import org.exchange.exchange.meeting.Meeting;
import org.exchange.exchange.meeting.MeetingKind;
import org.exchange.exchange.meeting.MeetingService;
import org.exchange.exchange.network.GeoLocation;
import org.exchange.exchange.network.Network;
import org.exchange.exchange.network.NetworkService;
import org.exchange.exchange.network.ProgrammeCycle;
import org.exchange.exchange.outcome.Outcome;
import org.exchange.exchange.outcome.OutcomeKind;
import org.exchange.exchange.outcome.OutcomeService;
import org.exchange.exchange.research.ResearchService;
import org.exchange.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo programme (the West Midlands Professional Exchange: groups in every state, meetings past and upcoming,
 * attendance, action research, published outcomes), loaded when {@code exchange.demo.load=true}, as the local launcher
 * wants. It goes through the service's own use cases, as a demo programme admin and the realm's demo people, so
 * every event they publish goes out through the outbox and the other contexts (CPD records, notifications, reports)
 * agree with what the exchange shows. What already happened is recorded afterwards (programme history), dated relative to today.
 * It loads in one transaction, and not at all when the demo network exists already: loading again changes nothing.
 */
@Component
public class DemoProgramme implements ApplicationRunner {

    /** The realm's demo programme admin ({@code programmeadmin} in infra/keycloak/realm-exchange.json). */
    public static final UUID PROGRAMME_ADMIN = demoId("d1");
    /** The realm's demo facilitator ({@code facilitator}), and a second facilitator. */
    public static final UUID FEMI = demoId("f1");
    public static final UUID SAM = demoId("f2");
    /** The realm's demo practitioner ({@code practitioner}), and five more practitioners. */
    public static final UUID PRIYA = demoId("a1");
    static final UUID BEN = demoId("a2");
    static final UUID CLEO = demoId("a3");
    static final UUID DEV = demoId("a4");
    static final UUID ESI = demoId("a5");
    static final UUID FINN = demoId("a6");
    static final UUID VENUE = UUID.fromString("00000000-0000-4000-8000-00000000ee01");
    static final String NETWORK_NAME = "West Midlands Professional Exchange";

    private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);
    /** When the read models say membership-service told them about the demo people: long ago, so real news wins. */
    private static final Instant TOLD = Instant.parse("2018-01-01T00:00:00Z");

    private final NetworkService networks;
    private final GroupService groups;
    private final MeetingService meetings;
    private final AttendanceService attendance;
    private final OutcomeService outcomes;
    private final ResearchService research;
    private final Directory directory;
    private final Appointments appointments;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean enabled;

    DemoProgramme(NetworkService networks, GroupService groups, MeetingService meetings, AttendanceService attendance,
            OutcomeService outcomes, ResearchService research, Directory directory, Appointments appointments,
            TransactionTemplate transaction, Clock clock, @Value("${exchange.demo.load:false}") boolean enabled) {
        this.networks = networks;
        this.groups = groups;
        this.meetings = meetings;
        this.attendance = attendance;
        this.outcomes = outcomes;
        this.research = research;
        this.directory = directory;
        this.appointments = appointments;
        this.transaction = transaction;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && load()) {
            log.info("Demo programme loaded: {}", NETWORK_NAME);
        }
    }

    /**
     * Loads the demo programme unless its network exists already.
     *
     * @return whether it was loaded now
     */
    public boolean load() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (networks.all(null).stream().anyMatch(network -> network.name().equals(NETWORK_NAME))) {
                return false;
            }
            new Loading().run();
            return true;
        }));
    }

    /** One loading of the demo, with today fixed at its start. */
    private final class Loading {

        private final Caller admin = caller(PROGRAMME_ADMIN, "programmeadmin", "org-academy",
                Caller.ROLE_PROGRAMME_ADMIN);
        private final LocalDate today = LocalDate.ofInstant(clock.instant(), ExchangeApplication.PROGRAMME_ZONE);

        void run() {
            people();
            Network westMidlands = networks.create(new NetworkService.NewNetwork(NETWORK_NAME, "West Midlands",
                    new GeoLocation(52.4862, -1.8904, "Birmingham"), "org-wmcett", "WMCETT programme office",
                    "exchange@wmcett.test"), admin);
            Network northWest = networks.create(new NetworkService.NewNetwork("North West Professional Exchange",
                    "North West", new GeoLocation(53.4808, -2.2426, "Manchester"), null,
                    "North West programme office", "exchange@northwest.test"), admin);
            networks.addCycle(westMidlands.id(), new ProgrammeCycle(UUID.randomUUID(), westMidlands.id(),
                    "West Midlands Professional Exchange 2018-19", LocalDate.of(2018, 3, 1), LocalDate.of(2019, 7, 31),
                    List.of(new ProgrammeCycle.Wave(1, "Wave 1: groups set up after the March 2018 launch",
                                    LocalDate.of(2018, 3, 1), LocalDate.of(2018, 12, 31)),
                            new ProgrammeCycle.Wave(2, "Wave 2", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 7, 31)))),
                    admin);
            ProgrammeCycle current = networks.addCycle(westMidlands.id(), new ProgrammeCycle(UUID.randomUUID(),
                    westMidlands.id(), "West Midlands Professional Exchange, current cycle", today.minusDays(300),
                    today.plusDays(200), List.of(
                            new ProgrammeCycle.Wave(1, "Wave 1", today.minusDays(300), today.minusDays(30)),
                            new ProgrammeCycle.Wave(2, "Wave 2", today.minusDays(120), today.plusDays(200)))), admin);
            ProgrammePlace wave1 = new ProgrammePlace(current.id(), 1);
            ProgrammePlace wave2 = new ProgrammePlace(current.id(), 2);

            launch(westMidlands);
            UUID resit = group(westMidlands, wave1, FEMI, "Maths: motivating GCSE resit learners", GroupKind.SUBJECT,
                    "maths", "Strategies to motivate GCSE resit learners in their first six weeks on a new course", 12,
                    -290, -60, List.of(PRIYA, CLEO, ESI), Stage.CLOSED, () -> List.of(
                            new PastOutcome(OutcomeKind.REPORT,
                                    "Motivating GCSE maths resit learners in their first six weeks",
                                    "Strategies the group tried with resit learners: early wins, learner voice and "
                                            + "short retrieval tasks, and what worked.",
                                    List.of("Femi Facilitator", "Priya Practitioner"), "maths", "CC BY-NC 4.0",
                                    "https://resources.example.org/wm/gcse-resit-motivation.pdf", -45)));
            UUID dyslexia = group(westMidlands, wave1, SAM, "SEND: dyslexia screening for ESOL learners",
                    GroupKind.SUBJECT, "SEND", "Spotting dyslexia in learners of English as a second language", 10,
                    -280, -90, List.of(PRIYA, CLEO, ESI), Stage.CLOSED, () -> List.of(
                            new PastOutcome(OutcomeKind.RESOURCE, "Dyslexia for ESOL screening activity",
                                    "A screening activity for tutors of English to speakers of other languages, with "
                                            + "guidance on next steps.",
                                    List.of("Sam Facilitator"), "SEND", "CC BY 4.0",
                                    "https://resources.example.org/wm/dyslexia-esol-screening.pdf", -75),
                            new PastOutcome(OutcomeKind.CASE_STUDY, "Delivery guides for different learning needs",
                                    "Short guides that help tutors adapt delivery for learners with different "
                                            + "learning needs.",
                                    List.of("Sam Facilitator", "Esi Practitioner"), "SEND", "CC BY 4.0",
                                    "https://resources.example.org/wm/delivery-guides.pdf", -72)));
            group(westMidlands, wave1, FEMI, "Digital skills: a framework for blended learning", GroupKind.SUBJECT,
                    "digital skills", "Making effective use of blended learning, using the EdTech Strategy and the "
                            + "Digital Skills Competency Framework", 12,
                    -200, -10, List.of(PRIYA, CLEO, ESI), Stage.REPORTING, List::of);
            UUID resilience = group(westMidlands, wave2, SAM, "Maths: learner resilience and maths anxiety",
                    GroupKind.SUBJECT, "maths", "Learners' unhelpful attitudes and emotions, such as maths anxiety and "
                            + "'I can't do maths' beliefs", 12,
                    -60, 120, List.of(PRIYA, CLEO, ESI), Stage.ACTIVE, List::of);
            // the English group is full and has a waitlist
            group(westMidlands, wave2, FEMI, "English: keeping adult learners on course", GroupKind.SUBJECT,
                    "English", "Improving the retention of adult learners of English", 3,
                    -45, 150, List.of(BEN, DEV, FINN, PRIYA), Stage.ACTIVE, List::of);
            group(westMidlands, wave2, SAM, "Supporting new teachers in their first months", GroupKind.THEMATIC,
                    "supporting staff", "Ideas to ensure that new teachers are supported during their first months in "
                            + "the sector and a new organisation", 15,
                    14, 200, List.of(BEN), Stage.FORMING, List::of);
            group(westMidlands, wave2, FEMI, "Behaviour management: a tutor self-assessment tool", GroupKind.THEMATIC,
                    "behaviour management", "A self-assessment tool for tutors to look at their own way of dealing "
                            + "with behaviour, pointing to support", 12,
                    30, 250, List.of(), Stage.PROPOSED, List::of);
            group(northWest, null, SAM, "ESOL: speaking confidence", GroupKind.SUBJECT, "ESOL",
                    "Learners who rarely speak in class", 12, -20, 160, List.of(), Stage.ACTIVE, List::of);
            networkEvents(westMidlands);
            actionResearch(resilience);
            disseminations(resit, dyslexia);
        }

        /**
         * The people, organisations and venue, as membership-service tells this context about them: it owns them,
         * seeds them (its migrations V3, V14_16 and V16_1, with the same ids and names) and announces them at start-up
         * (OrganisationRegistered, PractitionerRegistered, VenueOffered), so every context names them alike. They are
         * written here too because the demo loads as this service starts, maybe before those events arrive, and
         * attendance records each person's organisation as the directory knows it then; the events, when they come,
         * write the same. The facilitators' appointments are this context's alone (membership would grant them the
         * role in Keycloak, where Sam has no account).
         */
        private void people() {
            directory.saveOrganisation("org-wmcett", "WMCETT", "OTHER", "West Midlands", TOLD);
            directory.saveOrganisation("org-westmid-college", "Westmid College", "COLLEGE", "West Midlands", TOLD);
            directory.saveOrganisation("org-black-country-wbl", "Black Country Training", "WORK_BASED_LEARNING",
                    "West Midlands", TOLD);
            directory.saveOrganisation("org-brum-acl", "Birmingham Adult Learning", "ADULT_COMMUNITY_LEARNING",
                    "West Midlands", TOLD);
            List.of(new Person(FEMI, "Femi", "Facilitator", "org-westmid-college", false),
                    new Person(SAM, "Sam", "Facilitator", "org-wmcett", false),
                    new Person(PRIYA, "Priya", "Practitioner", "org-westmid-college", false),
                    new Person(BEN, "Ben", "Practitioner", "org-westmid-college", false),
                    new Person(CLEO, "Cleo", "Practitioner", "org-black-country-wbl", false),
                    new Person(DEV, "Dev", "Practitioner", "org-black-country-wbl", false),
                    new Person(ESI, "Esi", "Practitioner", "org-brum-acl", false),
                    new Person(FINN, "Finn", "Practitioner", "org-brum-acl", false))
                    .forEach(person -> directory.savePerson(person, TOLD));
            List.of(FEMI, SAM).forEach(facilitator -> appointments.record(facilitator, Appointments.FACILITATOR,
                    UUID.nameUUIDFromBytes(("demo-appointment-" + facilitator).getBytes()),
                    Appointments.Status.APPOINTED, TOLD));
            directory.saveVenue(new Venue(VENUE, "org-westmid-college", "Westmid College, Hall Green campus",
                    "1 College Road, Birmingham", "B28 8ZZ", 52.4310, -1.8330, 80, "Step-free access, hearing loop",
                    false), TOLD);
        }

        /** The network's launch, 300 days ago: recorded afterwards. */
        private void launch(Network network) {
            meetings.recordPast(new MeetingService.NewMeeting(network.id(), null, MeetingKind.LAUNCH_EVENT,
                    "Launch of the West Midlands Professional Exchange", "For managers in colleges, work-based "
                            + "learning, adult and community learning, secure estate and third sector.", null,
                    slot(today.minusDays(300), 10, 13, VENUE), 80), admin);
        }

        /** A development day with a key speaker and a dissemination event, both to come; three people registered. */
        private void networkEvents(Network network) {
            Meeting developmentDay = meetings.schedule(new MeetingService.NewMeeting(network.id(), null,
                    MeetingKind.DEVELOPMENT_DAY, "Quarterly development day: research-informed practice",
                    "Groups report back and share their learning.", "Dr Jane Example, practitioner research lead",
                    slot(today.plusDays(21), 9.5, 15.5, VENUE), 60), admin);
            meetings.schedule(new MeetingService.NewMeeting(network.id(), null, MeetingKind.DISSEMINATION_EVENT,
                    "Dissemination event: what changed in our organisations", null, null,
                    online(today.plusDays(60), 13, 16, "https://meet.example.org/dissemination"), 200), admin);
            List.of(PRIYA, BEN, ESI).forEach(person -> meetings.register(developmentDay.id(), practitioner(person)));
        }

        private void actionResearch(UUID group) {
            Caller priya = practitioner(PRIYA);
            var trial = research.startTrial(group, "Low-stakes retrieval quizzes",
                    "Reduce maths anxiety at the start of sessions", today.minusDays(40), priya);
            research.observe(trial.id(), today.minusDays(20),
                    "Learners who said they could not do maths answered three of five questions unprompted.", priya);
        }

        private void disseminations(UUID resit, UUID dyslexia) {
            Outcome motivating = outcomeOf(resit, "Motivating GCSE maths resit learners in their first six weeks");
            Outcome screening = outcomeOf(dyslexia, "Dyslexia for ESOL screening activity");
            outcomes.disseminate(motivating.id(), new OutcomeService.NewDissemination(
                    "Maths team meeting at Westmid College", true, 9, today.minusDays(30)), practitioner(PRIYA));
            outcomes.disseminate(screening.id(), new OutcomeService.NewDissemination(
                    "Regional ESOL practitioners' forum", false, 35, today.minusDays(60)), practitioner(ESI));
        }

        private Outcome outcomeOf(UUID group, String title) {
            return outcomes.search(new OutcomeService.LibraryQuery(null, null, null, null, 0, 100)).items().stream()
                    .filter(outcome -> group.equals(outcome.groupId()) && outcome.title().equals(title))
                    .findFirst().orElseThrow();
        }

        /**
         * A group taken through its life to the stage given: proposed by its facilitator, accepted, joined (in the
         * order given: beyond its capacity people wait), four meetings over its span (those over recorded afterwards
         * with their attendance, those to come scheduled), then started, reporting with its outcomes, and closed.
         */
        private UUID group(Network network, ProgrammePlace place, UUID facilitator, String name, GroupKind kind,
                String area, String challenge, int capacity, int startDay, int endDay, List<UUID> members,
                Stage stage, Supplier<List<PastOutcome>> outcomesOf) {
            Caller runner = caller(facilitator, "facilitator", null, Caller.ROLE_PRACTITIONER,
                    Caller.ROLE_FACILITATOR);
            LocalDate start = today.plusDays(startDay);
            LocalDate end = today.plusDays(endDay);
            Group group = groups.propose(new GroupService.Proposal(network.id(), name, kind, area, challenge, capacity,
                    start, end, List.of(facilitator), place), runner);
            if (stage == Stage.PROPOSED) {
                return group.id();
            }
            groups.openForMembers(group.id(), admin);
            members.forEach(member -> groups.join(group.id(), practitioner(member)));
            long quarter = ChronoUnit.DAYS.between(start, end) / 4;
            for (int n = 1; n <= 4; n++) {
                meeting(group, runner, n, start.plusDays(7 + (n - 1) * quarter));
            }
            if (stage == Stage.FORMING) {
                return group.id();
            }
            groups.activate(group.id(), admin);
            if (stage == Stage.ACTIVE) {
                return group.id();
            }
            groups.startReporting(group.id(), admin);
            for (PastOutcome outcome : outcomesOf.get()) {
                outcomes.publishPast(new OutcomeService.NewOutcome(null, group.id(), outcome.kind(), outcome.title(),
                        outcome.summary(), outcome.authors(), outcome.area(), outcome.licence(), outcome.link()),
                        today.plusDays(outcome.day()), admin);
            }
            if (stage == Stage.CLOSED) {
                groups.close(group.id(), admin);
            }
            return group.id();
        }

        /**
         * Meeting {@code n} of a group, 16:00 to 18:00 on the day, at the venue or online in turn: over, it is recorded
         * afterwards with its attendance (members attended, the facilitator led); to come, it is scheduled.
         */
        private void meeting(Group group, Caller runner, int n, LocalDate day) {
            Meeting.Slot slot = n % 2 == 1 ? slot(day, 16, 18, VENUE)
                    : online(day, 16, 18, "https://meet.example.org/" + group.id().toString().substring(0, 8));
            MeetingService.NewMeeting meeting = new MeetingService.NewMeeting(null, group.id(),
                    MeetingKind.GROUP_MEETING, group.name() + ": meeting " + n, null, null, slot, 20);
            Instant now = clock.instant();
            if (slot.startsAt().isAfter(now)) {
                meetings.schedule(meeting, runner);
                return;
            }
            if (slot.endsAt().isAfter(now)) {
                // it would be under way just now: it takes place tomorrow instead
                meeting(group, runner, n, day.plusDays(1));
                return;
            }
            Meeting held = meetings.recordPast(meeting, admin);
            List<AttendanceService.Line> lines = new ArrayList<>();
            groups.confirmedMembers(group).forEach(member -> lines.add(new AttendanceService.Line(member,
                    AttendanceRole.ATTENDEE, member.equals(ESI) && n == 2 ? 60 : 120)));
            lines.add(new AttendanceService.Line(group.facilitatorIds().getFirst(), AttendanceRole.LEAD_FACILITATOR,
                    120));
            attendance.record(held.id(), lines, List.of(), null, admin);
        }

        private Meeting.Slot slot(LocalDate day, double from, double to, UUID venue) {
            return new Meeting.Slot(at(day, from), at(day, to), ExchangeApplication.PROGRAMME_ZONE, venue, null);
        }

        private Meeting.Slot online(LocalDate day, double from, double to, String link) {
            return new Meeting.Slot(at(day, from), at(day, to), ExchangeApplication.PROGRAMME_ZONE, null, link);
        }

        private Instant at(LocalDate day, double hour) {
            return LocalDateTime.of(day, LocalTime.MIDNIGHT).plusMinutes((long) (hour * 60))
                    .atZone(ExchangeApplication.PROGRAMME_ZONE).toInstant();
        }
    }

    /** How far through its life a demo group has gone. */
    private enum Stage { PROPOSED, FORMING, ACTIVE, REPORTING, CLOSED }

    /** An outcome a demo group published, {@code day} days from today (negative: in the past). */
    private record PastOutcome(OutcomeKind kind, String title, String summary, List<String> authors, String area,
            String licence, String link, int day) {
    }

    private static Caller practitioner(UUID id) {
        return caller(id, "practitioner", null, Caller.ROLE_PRACTITIONER);
    }

    private static Caller caller(UUID id, String username, String organisation, String... roles) {
        return new Caller(id, username, null, null, null, organisation, Set.of(roles));
    }

    private static UUID demoId(String suffix) {
        return UUID.fromString("00000000-0000-4000-8000-0000000000" + suffix);
    }
}
