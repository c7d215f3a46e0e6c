package org.exchange.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The national-scale data set (issue 15), written straight into each service's own database with {@code COPY}: the
 * rows each service's own code writes for the same history (the same tables, ids, states and invariants), and the
 * rows its event consumers write into the other services' read models for the events that history publishes. So a
 * practitioner registered in membership-service is a recipient in notification-service and a person in assessment- and
 * accreditation-service; an attendance in exchange-service is a CPD activity in membership-service.
 *
 * <p>Invariants kept: every group meets at least four times, within its planned months; only its members (and
 * facilitators, who are members) attend its meetings, once each, and only meetings that have happened; a group closes
 * only with an outcome; every attendance has its first revision; one submitted baseline self-assessment per person
 * with a rating for every standard of the current edition; at most one open enrolment per person and programme.
 *
 * <p>Deterministic: every row follows from the seed and the as-of date (the day "now" is in the data).
 */
final class NationalData {

    /** The databases, by owning service, as the launcher configures them. */
    interface Databases {
        Connection open(String service) throws SQLException;
    }

    static final List<String> REGIONS = List.of("North East", "North West", "Yorkshire and the Humber",
            "East Midlands", "West Midlands", "East of England", "London", "South East", "South West");
    // a rough centre per region, so networks sit where England's people are
    private static final double[][] CENTRES = {{54.97, -1.61}, {53.48, -2.24}, {53.80, -1.55}, {52.95, -1.15},
        {52.48, -1.90}, {52.20, 0.12}, {51.51, -0.13}, {51.27, -0.52}, {51.45, -2.59}};
    static final List<String> AREAS = List.of("maths", "English", "ESOL", "digital skills", "SEND",
            "supporting staff", "science", "construction", "health and social care", "creative arts");
    private static final List<String> GIVEN = List.of("Amara", "Ben", "Chloe", "Dev", "Esi", "Finn", "Grace", "Hari",
            "Isla", "Jon", "Kemi", "Liam", "Maya", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq");
    private static final List<String> FAMILY = List.of("Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fisher",
            "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morris", "Nowak", "Owen", "Patel", "Roberts",
            "Smith", "Taylor", "Wright");
    private static final List<String> ORG_TYPES = List.of("COLLEGE", "WORK_BASED_LEARNING",
            "ADULT_COMMUNITY_LEARNING", "SECURE_ESTATE", "THIRD_SECTOR");
    private static final List<String> METHODS = List.of("peer observation", "flipped learning", "retrieval practice",
            "feedback without grades", "learner-led assessment", "blended delivery", "coaching conversations",
            "worked examples", "spaced practice", "project-based learning", "oracy", "scaffolded reading");
    private static final List<String> SETTINGS = List.of("apprentices", "adult learners", "16-19 study programmes",
            "learners with SEND", "prison education", "community classes", "resit students", "ESOL beginners");
    private static final List<String> OUTCOME_KINDS = List.of("REPORT", "CASE_STUDY", "RESOURCE", "OTHER");
    // the Development award only: the Endorsed award asks for the Development award first
    private static final String DEVELOPMENT_AWARD = "ILM-DEVELOPMENT-PLLE";
    private static final List<String> ENROLMENT_STATES = List.of("ENROLLED", "IN_PROGRESS", "IN_PROGRESS",
            "READY_FOR_ASSESSMENT", "RECOMMENDED", "AWARDED", "AWARDED", "WITHDRAWN");
    private static final int MEETING_MINUTES = 120;

    private final NationalScale scale;
    private final long seed;
    private final LocalDate asOf;
    private final Instant now;
    private final List<UUID> demoPeople;
    private final PrintStream out;
    private final Map<String, Long> rowsPerTable = new LinkedHashMap<>();

    // the plan: who is where, kept as indexes so that 250,000 people and 20,000 groups fit in a few megabytes
    private final int[] organisationOf;
    private final int[] memberStart;
    private final int[] memberCount;
    private final int[] permutation;
    private final int[] meetingsOf;

    NationalData(NationalScale scale, long seed, LocalDate asOf, List<UUID> demoPeople, PrintStream out) {
        this.scale = scale;
        this.seed = seed;
        this.asOf = asOf;
        this.now = asOf.atStartOfDay().toInstant(ZoneOffset.UTC);
        this.demoPeople = List.copyOf(demoPeople);
        this.out = out;
        SplittableRandom random = new SplittableRandom(seed);
        organisationOf = new int[scale.practitioners()];
        for (int p = 0; p < organisationOf.length; p++) {
            organisationOf[p] = random.nextInt(scale.organisations());
        }
        permutation = new int[scale.practitioners()];
        for (int p = 0; p < permutation.length; p++) {
            permutation[p] = p;
        }
        for (int p = permutation.length - 1; p > 0; p--) {
            int other = random.nextInt(p + 1);
            int kept = permutation[p];
            permutation[p] = permutation[other];
            permutation[other] = kept;
        }
        memberStart = new int[scale.groups()];
        memberCount = new int[scale.groups()];
        meetingsOf = new int[scale.groups()];
        int offset = 0;
        int extraMeetings = scale.meetings() - 4 * scale.groups();
        for (int g = 0; g < scale.groups(); g++) {
            memberStart[g] = offset;
            // 10 to 19 people, about 14.5 on average: some people are in two groups
            memberCount[g] = Math.min(scale.practitioners(), 10 + random.nextInt(10));
            offset = (offset + memberCount[g]) % scale.practitioners();
            int share = extraMeetings / (scale.groups() - g);
            int extra = g == scale.groups() - 1 ? extraMeetings : Math.min(extraMeetings, random.nextInt(2 * share + 1));
            meetingsOf[g] = 4 + extra;
            extraMeetings -= extra;
        }
    }

    /** Writes the whole data set and prints the rate of each table and the total time. */
    Map<String, Long> write(Databases databases) throws SQLException {
        Instant began = Instant.now();
        out.printf("[datagen] scale %s: %,d practitioners, %,d organisations, %,d networks, %,d groups, %,d meetings, "
                        + "about %,d attendances, %,d outcomes, %,d self-assessments, %,d enrolments; seed %d, as of %s%n",
                scale.factor(), scale.practitioners(), scale.organisations(), scale.networks(), scale.groups(),
                scale.meetings(), scale.attendances(), scale.outcomes(), scale.selfAssessments(), scale.enrolments(),
                seed, asOf);
        try (Connection membership = open(databases, "membership-service");
                Connection exchange = open(databases, "exchange-service");
                Connection assessment = open(databases, "assessment-service");
                Connection accreditation = open(databases, "accreditation-service");
                Connection notification = open(databases, "notification-service")) {
            organisations(membership, exchange, accreditation, notification);
            practitioners(membership, exchange, assessment, accreditation, notification);
            networks(exchange, notification);
            groups(exchange, assessment, notification);
            meetingsAndAttendance(exchange, membership);
            outcomes(exchange);
            selfAssessments(assessment);
            enrolments(accreditation);
            for (Connection connection : List.of(membership, exchange, assessment, accreditation, notification)) {
                connection.commit();
                analyze(connection);
            }
        }
        Duration took = Duration.between(began, Instant.now());
        long total = rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        out.printf("[datagen] total %,d rows in %.1f s (%,.0f rows/s); load average %s%n", total,
                took.toMillis() / 1000.0, total / Math.max(0.001, took.toMillis() / 1000.0), LoadAverage.now());
        return rowsPerTable;
    }

    private static Connection open(Databases databases, String service) throws SQLException {
        Connection connection = databases.open(service);
        connection.setAutoCommit(false);
        return connection;
    }

    private static void analyze(Connection connection) throws SQLException {
        // the planner's statistics as autovacuum would have them after such a load
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    // ---- membership-service's people and organisations, and every read model fed by their events ----

    private void organisations(Connection membership, Connection exchange, Connection accreditation,
            Connection notification) {
        load("membership.organisation", membership,
                "organisation (id, name, type, region, announced, registered_at)", copy -> {
                    for (int o = 0; o < scale.organisations(); o++) {
                        copy.row(organisationId(o), organisationName(o), ORG_TYPES.get(o % ORG_TYPES.size()),
                                region(o), true, now.minus(3000, ChronoUnit.DAYS));
                    }
                });
        // OrganisationRegistered, consumed by exchange-, accreditation- and notification-service
        load("exchange.organisation_directory", exchange,
                "organisation_directory (organisation_id, name, type, region, updated_at)", copy -> {
                    for (int o = 0; o < scale.organisations(); o++) {
                        copy.row(organisationId(o), organisationName(o), ORG_TYPES.get(o % ORG_TYPES.size()),
                                region(o), now.minus(3000, ChronoUnit.DAYS));
                    }
                });
        load("accreditation.organisation", accreditation, "organisation (organisation_id, name, updated_at)", copy -> {
            for (int o = 0; o < scale.organisations(); o++) {
                copy.row(organisationId(o), organisationName(o), now.minus(3000, ChronoUnit.DAYS));
            }
        });
        load("notification.organisation", notification, "organisation (id, name)", copy -> {
            for (int o = 0; o < scale.organisations(); o++) {
                copy.row(organisationId(o), organisationName(o));
            }
        });
    }

    private void practitioners(Connection membership, Connection exchange, Connection assessment,
            Connection accreditation, Connection notification) {
        load("membership.practitioner", membership, "practitioner (id, email, given_name, family_name, "
                + "organisation_id, registered_at, job_role, region, specialisms, newsletter_consent, "
                + "name_on_outcomes_consent, profile_updated_at, announced)", copy -> {
                    for (int p = 0; p < scale.practitioners(); p++) {
                        int o = organisationOf[p];
                        copy.row(practitioner(p), email(p), given(p), family(p), organisationId(o), registered(p),
                                "Teacher", region(o), List.of(AREAS.get(p % AREAS.size())), newsletter(p),
                                p % 2 == 0, registered(p), true);
                    }
                });
        // PractitionerRegistered and PractitionerProfileUpdated, consumed by the other four services
        load("exchange.practitioner_directory", exchange, "practitioner_directory (practitioner_id, given_name, "
                + "family_name, organisation_id, updated_at, name_on_outcomes)", copy -> {
                    for (int p = 0; p < scale.practitioners(); p++) {
                        copy.row(practitioner(p), given(p), family(p), organisationId(organisationOf[p]),
                                registered(p), p % 2 == 0);
                    }
                });
        load("assessment.person", assessment, "person (practitioner_id, organisation_id, updated_at)", copy -> {
            for (int p = 0; p < scale.practitioners(); p++) {
                copy.row(practitioner(p), organisationId(organisationOf[p]), registered(p));
            }
        });
        load("accreditation.person", accreditation, "person (person_id, given_name, family_name, email, "
                + "organisation_id, updated_at)", copy -> {
                    for (int p = 0; p < scale.practitioners(); p++) {
                        copy.row(practitioner(p), given(p), family(p), email(p), organisationId(organisationOf[p]),
                                registered(p));
                    }
                });
        load("notification.recipient", notification, "recipient (id, email, given_name, family_name, "
                + "organisation_id)", copy -> {
                    for (int p = 0; p < scale.practitioners(); p++) {
                        copy.row(practitioner(p), email(p), given(p), family(p), organisationId(organisationOf[p]));
                    }
                });
        // the newsletter starts off and is switched on by the profile's consent
        load("notification.mail_preference", notification, "mail_preference (recipient_id, category, email, "
                + "updated_at)", copy -> {
                    for (int p = 0; p < scale.practitioners(); p++) {
                        if (newsletter(p)) {
                            copy.row(practitioner(p), "NEWSLETTER", true, registered(p));
                        }
                    }
                });
        load("notification.notification", notification, "notification (id, recipient_id, category, title, body, "
                + "source_event_id, created_at)", copy -> {
                    for (int p = 0; p < scale.practitioners(); p++) {
                        copy.row(uuid("welcome", p), practitioner(p), "WELCOME", "Welcome to the Exchange",
                                "Welcome, " + given(p) + ". Find a network near you and join a group.",
                                uuid("registered-event", p), registered(p));
                    }
                });
    }

    // ---- exchange-service's networks, groups, meetings, attendance and outcomes ----

    private void networks(Connection exchange, Connection notification) {
        load("exchange.network", exchange, "network (id, name, region, place_name, latitude, longitude, "
                + "lead_organisation_id, contact_name, contact_email, created_at)", copy -> {
                    for (int n = 0; n < scale.networks(); n++) {
                        SplittableRandom random = random("network", n);
                        double[] centre = CENTRES[n % CENTRES.length];
                        copy.row(network(n), networkName(n), REGIONS.get(n % REGIONS.size()), "Hub " + (n + 1),
                                centre[0] + (random.nextDouble() - 0.5) * 1.6, centre[1] + (random.nextDouble() - 0.5) * 2.0,
                                organisationId(n % scale.organisations()), "Contact " + (n + 1),
                                "network" + (n + 1) + "@gen.exchange.test", now.minus(3000, ChronoUnit.DAYS));
                    }
                });
        load("exchange.programme_cycle", exchange, "programme_cycle (id, network_id, name, starts_on, ends_on)",
                copy -> {
                    for (int n = 0; n < scale.networks(); n++) {
                        copy.row(cycle(n), network(n), networkName(n) + " " + asOf.minusYears(2).getYear() + "-"
                                + asOf.plusYears(1).getYear(), asOf.minusYears(2), asOf.plusYears(1));
                    }
                });
        load("exchange.programme_wave", exchange, "programme_wave (cycle_id, number, name, starts_on, ends_on)",
                copy -> {
                    for (int n = 0; n < scale.networks(); n++) {
                        for (int w = 1; w <= 3; w++) {
                            copy.row(cycle(n), w, "Wave " + w, asOf.minusYears(2).plusYears(w - 1),
                                    asOf.minusYears(2).plusYears(w).minusDays(1));
                        }
                    }
                });
        load("notification.network", notification, "network (id, name, region)", copy -> {
            for (int n = 0; n < scale.networks(); n++) {
                copy.row(network(n), networkName(n), REGIONS.get(n % REGIONS.size()));
            }
        });
    }

    private void groups(Connection exchange, Connection assessment, Connection notification) {
        load("exchange.exchange_group", exchange, "exchange_group (id, network_id, name, kind, area, challenge, "
                + "capacity, planned_start, planned_end, status, proposed_by, proposed_at, activated_at, closed_at, "
                + "cycle_id, wave_number)", copy -> {
                    for (int g = 0; g < scale.groups(); g++) {
                        GroupPlan plan = plan(g);
                        copy.row(group(g), network(plan.network()), groupName(g), g % 3 == 0 ? "THEMATIC" : "SUBJECT",
                                area(g), "How far does " + METHODS.get(g % METHODS.size()) + " help "
                                        + SETTINGS.get(g % SETTINGS.size()) + "?",
                                members(g).size() + 3, plan.start(), plan.end(), plan.status(), plan.facilitator(),
                                at(plan.start().minusDays(30)), at(plan.start()),
                                plan.status().equals("CLOSED") ? at(plan.end()) : null, cycle(plan.network()),
                                plan.wave());
                    }
                });
        load("exchange.group_facilitator", exchange, "group_facilitator (group_id, practitioner_id)", copy -> {
            for (int g = 0; g < scale.groups(); g++) {
                copy.row(group(g), plan(g).facilitator());
            }
        });
        load("exchange.group_member", exchange, "group_member (group_id, practitioner_id, status, joined_at)",
                copy -> forEachMember((g, person) -> copy.row(group(g), person, "CONFIRMED",
                        at(plan(g).start().minusDays(7)))));
        // GroupStatusChanged and MemberJoined, consumed by assessment- and notification-service
        load("assessment.exchange_group", assessment, "exchange_group (id, network_id, name, status, updated_at)",
                copy -> {
                    for (int g = 0; g < scale.groups(); g++) {
                        GroupPlan plan = plan(g);
                        copy.row(group(g), network(plan.network()), groupName(g), plan.status(), at(plan.start()));
                    }
                });
        load("assessment.group_member", assessment, "group_member (group_id, practitioner_id, joined_at)",
                copy -> forEachMember((g, person) -> copy.row(group(g), person, at(plan(g).start().minusDays(7)))));
        load("assessment.group_facilitator", assessment, "group_facilitator (group_id, facilitator_id)", copy -> {
            for (int g = 0; g < scale.groups(); g++) {
                copy.row(group(g), plan(g).facilitator());
            }
        });
        load("notification.network_participant", notification, "network_participant (network_id, practitioner_id)",
                copy -> {
                    // one row per network and person, however many of its groups they are in
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    forEachMember((g, person) -> {
                        UUID network = network(plan(g).network());
                        if (seen.add(network + "/" + person)) {
                            copy.row(network, person);
                        }
                    });
                });
    }

    private void meetingsAndAttendance(Connection exchange, Connection membership) throws SQLException {
        long[] attended = new long[1];
        Instant began = Instant.now();
        try (Copy meetings = new Copy(exchange, "meeting (id, network_id, group_id, kind, title, description, "
                + "starts_at, ends_at, time_zone, online_url, capacity, status, sequence, scheduled_by, updated_at)")) {
            for (int g = 0; g < scale.groups(); g++) {
                GroupPlan plan = plan(g);
                int capacity = members(g).size() + 3;
                for (int k = 0; k < meetingsOf[g]; k++) {
                    Instant starts = meetingStart(g, plan, k);
                    meetings.row(meeting(g, k), network(plan.network()), group(g), "GROUP_MEETING",
                            groupName(g) + ": meeting " + (k + 1), "Trials, findings and next steps.", starts,
                            starts.plus(MEETING_MINUTES, ChronoUnit.MINUTES), "Europe/London",
                            "https://meet.gen.exchange.test/" + meeting(g, k), capacity, "SCHEDULED", 0,
                            plan.facilitator(), starts.minus(14, ChronoUnit.DAYS));
                }
            }
            // a development day per network, coming up: what the finder's events list shows
            for (int n = 0; n < scale.networks(); n++) {
                Instant starts = at(asOf.plusDays(20 + n % 60)).plus(9, ChronoUnit.HOURS);
                meetings.row(uuid("development-day", n), network(n), null, "DEVELOPMENT_DAY",
                        "Development day: " + networkName(n), "Key speaker and workshops.", starts,
                        starts.plus(6, ChronoUnit.HOURS), "Europe/London", "https://meet.gen.exchange.test/day/" + n,
                        120, "SCHEDULED", 0, practitioner(0), now.minus(30, ChronoUnit.DAYS));
            }
            meetings.close();
            record("exchange.meeting", meetings.rows(), began);
        }
        // every member registered for their group's meetings to come (after the meetings: the rows refer to them)
        load("exchange.registration", exchange, "registration (meeting_id, practitioner_id, status, registered_at, "
                + "changed_at)", registrations -> {
                    for (int g = 0; g < scale.groups(); g++) {
                        GroupPlan plan = plan(g);
                        List<UUID> members = members(g);
                        for (int k = 0; k < meetingsOf[g]; k++) {
                            Instant starts = meetingStart(g, plan, k);
                            if (!starts.isBefore(now)) {
                                for (UUID member : members) {
                                    registrations.row(meeting(g, k), member, "CONFIRMED",
                                            starts.minus(10, ChronoUnit.DAYS), starts.minus(10, ChronoUnit.DAYS));
                                }
                            }
                        }
                    }
                });
        began = Instant.now();
        long past = 0;
        for (int g = 0; g < scale.groups(); g++) {
            for (int k = 0; k < meetingsOf[g]; k++) {
                if (meetingStart(g, plan(g), k).isBefore(now)) {
                    past++;
                }
            }
        }
        double perMeeting = past == 0 ? 0 : (double) scale.attendances() / past;
        // AttendanceRecorded, consumed by membership-service as a CPD activity of the attendee
        try (Copy attendance = new Copy(exchange, "attendance (id, meeting_id, practitioner_id, organisation_id, "
                + "role, minutes, recorded_by, recorded_at)");
                Copy cpd = new Copy(membership, "cpd_activity (id, practitioner_id, type, title, occurred_on, hours, "
                        + "source, attendance_id, recorded_at)")) {
            for (int g = 0; g < scale.groups(); g++) {
                GroupPlan plan = plan(g);
                List<UUID> members = members(g);
                List<String> organisations = memberOrganisations(g);
                for (int k = 0; k < meetingsOf[g]; k++) {
                    Instant starts = meetingStart(g, plan, k);
                    if (!starts.isBefore(now)) {
                        continue;
                    }
                    SplittableRandom random = random("attendance", g * 1_000L + k);
                    int count = Math.min(members.size(), (int) Math.floor(perMeeting + random.nextDouble()));
                    Instant recorded = starts.plus(MEETING_MINUTES + 60, ChronoUnit.MINUTES);
                    for (int i = 0; i < count; i++) {
                        // the facilitator (first) always, then members in a rotating order
                        int m = i == 0 ? 0 : 1 + (i - 1 + k) % (members.size() - 1);
                        UUID person = members.get(m);
                        UUID id = uuid("attendance", (g * 1_000L + k) * 100 + i);
                        attendance.row(id, meeting(g, k), person, organisations.get(m),
                                i == 0 ? "LEAD_FACILITATOR" : "ATTENDEE", MEETING_MINUTES, plan.facilitator(),
                                recorded);
                        cpd.row(uuid("cpd", (g * 1_000L + k) * 100 + i), person, "GROUP_MEETING",
                                groupName(g) + ": meeting " + (k + 1), starts.atZone(ZoneOffset.UTC).toLocalDate(),
                                MEETING_MINUTES / 60.0, "ATTENDANCE", id, recorded);
                        attended[0]++;
                    }
                }
            }
            attendance.close();
            cpd.close();
            record("exchange.attendance", attendance.rows(), began);
            record("membership.cpd_activity", cpd.rows(), began);
        }
        began = Instant.now();
        try (Statement statement = exchange.createStatement()) {
            // the first revision of every attendance, as the service writes it beside the attendance
            int revisions = statement.executeUpdate("""
                    insert into attendance_revision (attendance_id, role, minutes, correction, recorded_by, recorded_at)
                    select id, role, minutes, false, recorded_by, recorded_at from attendance a
                    where not exists (select 1 from attendance_revision r where r.attendance_id = a.id)""");
            record("exchange.attendance_revision", revisions, began);
        }
    }

    private void outcomes(Connection exchange) {
        List<Integer> finished = new ArrayList<>();
        for (int g = 0; g < scale.groups(); g++) {
            if (!plan(g).status().equals("ACTIVE")) {
                finished.add(g);
            }
        }
        load("exchange.outcome", exchange, "outcome (id, network_id, group_id, kind, title, summary, author_names, "
                + "subject_area, licence, link_url, published_by, published_at)", copy -> {
                    for (int i = 0; i < Math.max(scale.outcomes(), finished.size()); i++) {
                        // every group that closed or is reporting has one; the rest are further outcomes of theirs
                        int g = finished.isEmpty() ? i % scale.groups() : finished.get(i % finished.size());
                        GroupPlan plan = plan(g);
                        SplittableRandom random = random("outcome", i);
                        String method = METHODS.get(random.nextInt(METHODS.size()));
                        String setting = SETTINGS.get(random.nextInt(SETTINGS.size()));
                        List<UUID> members = members(g);
                        copy.row(uuid("outcome", i), network(plan.network()), group(g),
                                OUTCOME_KINDS.get(i % OUTCOME_KINDS.size()),
                                capitalised(method) + " with " + setting + " in " + area(g) + " (" + (i + 1) + ")",
                                "What we found when we trialled " + method + " with " + setting + " in " + area(g)
                                        + ": learners' confidence, attendance and results, and what we would change.",
                                List.of(given(members.get(0)) + " " + family(members.get(0))), area(g), "CC BY 4.0",
                                "https://outcomes.gen.exchange.test/" + (i + 1), plan.facilitator(),
                                at(plan.end().isAfter(asOf) ? asOf.minusDays(1 + i % 30) : plan.end()));
                    }
                });
    }

    // ---- assessment-service and accreditation-service ----

    private void selfAssessments(Connection assessment) throws SQLException {
        List<String> standards = new ArrayList<>();
        String edition;
        try (Statement statement = assessment.createStatement();
                ResultSet rows = statement.executeQuery("select s.id, s.edition_id from standard s join "
                        + "framework_edition e on e.id = s.edition_id where e.is_current order by s.number")) {
            String found = null;
            while (rows.next()) {
                standards.add(rows.getString(1));
                found = rows.getString(2);
            }
            edition = found;
        }
        if (standards.isEmpty()) {
            throw new IllegalStateException("assessment-service has loaded no current framework edition yet");
        }
        load("assessment.self_assessment", assessment, "self_assessment (id, practitioner_id, edition_id, kind, "
                + "status, career_stage, development_goals, started_at, updated_at, submitted_at)", copy -> {
                    for (int a = 0; a < scale.selfAssessments(); a++) {
                        Instant submitted = registered(a).plus(2, ChronoUnit.DAYS);
                        copy.row(selfAssessment(a), practitioner(a), edition, "BASELINE", "SUBMITTED",
                                a % 3 == 0 ? "EARLY_CAREER" : a % 3 == 1 ? "EXPERIENCED" : "ADVANCED",
                                "To try " + METHODS.get(a % METHODS.size()) + " with my learners.",
                                registered(a), submitted, submitted);
                    }
                });
        load("assessment.rating", assessment, "rating (assessment_id, standard_id, score)", copy -> {
            for (int a = 0; a < scale.selfAssessments(); a++) {
                SplittableRandom random = random("rating", a);
                for (String standard : standards) {
                    copy.row(selfAssessment(a), standard, 2 + random.nextInt(4));
                }
            }
        });
        load("assessment.focus_standard", assessment, "focus_standard (assessment_id, standard_id, position)",
                copy -> {
                    for (int a = 0; a < scale.selfAssessments(); a++) {
                        for (int f = 0; f < 3; f++) {
                            copy.row(selfAssessment(a), standards.get((a + f * 7) % standards.size()), f + 1);
                        }
                    }
                });
    }

    private void enrolments(Connection accreditation) throws SQLException {
        Map<String, Integer> versions = new LinkedHashMap<>();
        try (Statement statement = accreditation.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select code, max(version) from programme_version group by code order by code")) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getInt(2));
            }
        }
        if (!versions.containsKey(DEVELOPMENT_AWARD)) {
            throw new IllegalStateException("accreditation-service has not loaded " + DEVELOPMENT_AWARD + " yet");
        }
        List<String> programmes = List.of(DEVELOPMENT_AWARD);
        // one enrolment per candidate: never two open on one programme
        load("accreditation.enrolment", accreditation, "enrolment (id, candidate_id, candidate_organisation_id, "
                + "programme_code, programme_version, status, applied_at, enrolled_on, awarded_on, "
                + "status_changed_at)", copy -> {
                    for (int e = 0; e < scale.enrolments(); e++) {
                        int p = permutation[e];
                        UUID candidate = practitioner(p);
                        int o = organisationOf[p];
                        String status = ENROLMENT_STATES.get(e % ENROLMENT_STATES.size());
                        String code = programmes.get(e % programmes.size());
                        LocalDate enrolled = asOf.minusDays(30 + e % 600);
                        copy.row(uuid("enrolment", e), candidate, organisationId(o), code, versions.get(code), status,
                                at(enrolled.minusDays(14)), enrolled,
                                status.equals("AWARDED") ? enrolled.plusMonths(7) : null, at(enrolled.plusDays(30)));
                    }
                });
        // the demo people's own enrolment, for their dashboard
        load("accreditation.enrolment (demo people)", accreditation, "enrolment (id, candidate_id, programme_code, "
                + "programme_version, status, applied_at, enrolled_on, status_changed_at)", copy -> {
                    for (int d = 0; d < demoPeople.size(); d++) {
                        copy.row(uuid("demo-enrolment", d), demoPeople.get(d), programmes.getFirst(),
                                versions.get(programmes.getFirst()), "IN_PROGRESS", at(asOf.minusDays(90)),
                                asOf.minusDays(80), at(asOf.minusDays(80)));
                    }
                });
    }

    // ---- the plan ----

    /** One group's place in the programme: its network, months, state and facilitator. */
    record GroupPlan(int network, LocalDate start, LocalDate end, String status, UUID facilitator, int wave) {
    }

    private GroupPlan plan(int g) {
        SplittableRandom random = random("group", g);
        // started in the last two and a half years, four to twelve months long
        LocalDate start = asOf.minusDays(30 + random.nextInt(900));
        LocalDate end = start.plusMonths(4 + random.nextInt(9));
        String status = end.isAfter(asOf) ? "ACTIVE" : end.plusMonths(1).isAfter(asOf) ? "REPORTING" : "CLOSED";
        int wave = Math.min(3, 1 + (int) ChronoUnit.YEARS.between(asOf.minusYears(2), start));
        return new GroupPlan(g % scale.networks(), start, end, status, members(g).getFirst(), Math.max(1, wave));
    }

    /** A group's members, its facilitator first; the demo people are members of the first groups. */
    private List<UUID> members(int g) {
        List<UUID> members = new ArrayList<>(memberCount[g] + demoPeople.size());
        for (int i = 0; i < memberCount[g]; i++) {
            members.add(practitioner(permutation[(memberStart[g] + i) % permutation.length]));
        }
        if (g < 3) {
            members.addAll(demoPeople);
        }
        return members;
    }

    private void forEachMember(java.util.function.BiConsumer<Integer, UUID> each) {
        for (int g = 0; g < scale.groups(); g++) {
            for (UUID member : members(g)) {
                each.accept(g, member);
            }
        }
    }

    /** The organisation of each of a group's members, in the order of {@link #members(int)}. */
    private List<String> memberOrganisations(int g) {
        List<String> organisations = new ArrayList<>(memberCount[g] + demoPeople.size());
        for (int i = 0; i < memberCount[g]; i++) {
            organisations.add(organisationId(organisationOf[permutation[(memberStart[g] + i) % permutation.length]]));
        }
        if (g < 3) {
            // a demo person: their organisation is membership-service's to say
            demoPeople.forEach(person -> organisations.add(null));
        }
        return organisations;
    }

    /** The k-th meeting of group g: evenly over its planned months, at 16:00 UTC. */
    private Instant meetingStart(int g, GroupPlan plan, int k) {
        long days = ChronoUnit.DAYS.between(plan.start(), plan.end());
        return at(plan.start().plusDays(days * k / meetingsOf[g])).plus(16, ChronoUnit.HOURS);
    }

    private Instant at(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private Instant registered(int p) {
        return now.minus(60 + p % 2_400, ChronoUnit.DAYS);
    }

    private boolean newsletter(int p) {
        return p % 5 < 3;
    }

    private UUID practitioner(int p) {
        return uuid("practitioner", p);
    }

    private UUID network(int n) {
        return uuid("network", n);
    }

    private UUID cycle(int n) {
        return uuid("cycle", n);
    }

    private UUID group(int g) {
        return uuid("group", g);
    }

    private UUID meeting(int g, int k) {
        return uuid("meeting", g * 1_000L + k);
    }

    private UUID selfAssessment(int a) {
        return uuid("self-assessment", a);
    }

    private static String organisationId(int o) {
        return "org-gen-" + (o + 1);
    }

    private static String organisationName(int o) {
        return ORG_TYPES.get(o % ORG_TYPES.size()).charAt(0)
                + ORG_TYPES.get(o % ORG_TYPES.size()).substring(1).toLowerCase().replace('_', ' ') + " " + (o + 1);
    }

    private static String region(int o) {
        return REGIONS.get(o % REGIONS.size());
    }

    private static String networkName(int n) {
        return REGIONS.get(n % REGIONS.size()) + " Professional Exchange " + (n / REGIONS.size() + 1);
    }

    private static String groupName(int g) {
        return capitalised(AREAS.get(g % AREAS.size())) + " group " + (g + 1);
    }

    private static String area(int g) {
        return AREAS.get(g % AREAS.size());
    }

    private static String email(int p) {
        return "p" + (p + 1) + "@gen.exchange.test";
    }

    private static String given(int p) {
        return GIVEN.get(p % GIVEN.size());
    }

    private static String family(int p) {
        return FAMILY.get((p / GIVEN.size()) % FAMILY.size());
    }

    private String given(UUID person) {
        return "Member";
    }

    private String family(UUID person) {
        return person.toString().substring(0, 8);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private SplittableRandom random(String kind, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind.hashCode() * 0xC2B2AE3D27D4EB4FL + index);
    }

    /** A random (version 4) UUID that follows from the seed, the kind of row and its index. */
    private UUID uuid(String kind, long index) {
        SplittableRandom random = random(kind, index);
        long most = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private void load(String table, Connection connection, String tableAndColumns, Consumer<Copy> rows) {
        Instant began = Instant.now();
        try (Copy copy = new Copy(connection, tableAndColumns)) {
            rows.accept(copy);
            copy.close();
            record(table, copy.rows(), began);
        }
    }

    private void record(String table, long rows, Instant began) {
        double seconds = Math.max(0.001, Duration.between(began, Instant.now()).toMillis() / 1000.0);
        rowsPerTable.merge(table, rows, Long::sum);
        out.printf("[datagen] %-40s %,12d rows in %7.1f s: %,10.0f rows/s%n", table, rows, seconds, rows / seconds);
    }
}
