package org.exchange.accreditation.enrolment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.exchange.accreditation.directory.Directory;
import org.exchange.accreditation.enrolment.EnrolmentViews.WorkshopView;
import org.exchange.accreditation.enrolment.PortfolioRecords.CpdCommitment;
import org.exchange.accreditation.enrolment.PortfolioRecords.Decision;
import org.exchange.accreditation.enrolment.PortfolioRecords.DevelopmentPlan;
import org.exchange.accreditation.enrolment.PortfolioRecords.Evidence;
import org.exchange.accreditation.enrolment.PortfolioRecords.EvidenceFile;
import org.exchange.accreditation.enrolment.PortfolioRecords.Goal;
import org.exchange.accreditation.enrolment.PortfolioRecords.HoursEntry;
import org.exchange.accreditation.enrolment.PortfolioRecords.Observation;
import org.exchange.accreditation.enrolment.PortfolioRecords.Recommendation;
import org.exchange.accreditation.enrolment.PortfolioRecords.Reflection;
import org.exchange.accreditation.workshop.Workshop;
import org.exchange.accreditation.workshop.Workshops;
import org.exchange.contracts.accreditation.HoursLogged;
import org.exchange.contracts.accreditation.ObservationRecorded;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The portfolio's use cases: hours and evidence, plan, reflections, CPD commitment, observations, recommendations. */
@Service
public class PortfolioService {

    private static final BigDecimal MAX_HOURS_PER_ENTRY = BigDecimal.valueOf(24);
    private static final BigDecimal STEP = new BigDecimal("0.25");

    private final EnrolmentService enrolments;
    private final Portfolios portfolios;
    private final Progress progress;
    private final Workshops workshops;
    private final Directory directory;
    private final IntegrationEvents events;
    private final Clock clock;

    PortfolioService(EnrolmentService enrolments, Portfolios portfolios, Progress progress, Workshops workshops,
            Directory directory, IntegrationEvents events, Clock clock) {
        this.enrolments = enrolments;
        this.portfolios = portfolios;
        this.progress = progress;
        this.workshops = workshops;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    // hours and evidence

    /** Logs hours in a category: more than 0 and at most 24 in one entry, in quarter hours, not in the future. */
    @Transactional
    public HoursEntry logHours(UUID enrolmentId, HoursCategory category, BigDecimal hours, LocalDate occurredOn,
            String description, Caller caller) {
        Enrolment enrolment = enrolments.buildable(enrolmentId, caller);
        if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS_PER_ENTRY) > 0) {
            throw new InvalidRequestException("An entry logs more than 0 and at most 24 hours");
        }
        if (hours.remainder(STEP).signum() != 0) {
            throw new InvalidRequestException("Hours are logged in quarter hours, such as 1.25 or 2.5");
        }
        if (occurredOn.isAfter(today())) {
            throw new InvalidRequestException("Hours are logged once they are spent, not for " + occurredOn);
        }
        HoursEntry entry = new HoursEntry(UUID.randomUUID(), category, hours, occurredOn, blankToNull(description),
                clock.instant(), List.of());
        portfolios.addHours(enrolmentId, entry);
        events.publish(enrolmentId, new HoursLogged(enrolmentId, enrolment.candidateId(), entry.id(),
                category.name(), hours, occurredOn, entry.loggedAt()));
        progress.refresh(enrolment);
        return entry;
    }

    @Transactional
    public void deleteHours(UUID enrolmentId, UUID entryId, Caller caller) {
        Enrolment enrolment = enrolments.buildable(enrolmentId, caller);
        if (!portfolios.deleteHours(enrolmentId, entryId)) {
            throw new NotFoundException("There is no hours entry " + entryId + " in this portfolio");
        }
        progress.refresh(enrolment);
    }

    @Transactional(readOnly = true)
    public List<HoursEntry> hours(UUID enrolmentId, Caller caller) {
        enrolments.readable(enrolmentId, caller);
        return portfolios.hours(enrolmentId);
    }

    /** Attaches a file to an hours entry, when its size and type are acceptable (413 or 415 otherwise). */
    @Transactional
    public Evidence attachEvidence(UUID enrolmentId, UUID entryId, String fileName, byte[] content, Caller caller) {
        enrolments.buildable(enrolmentId, caller);
        if (!portfolios.hasHoursEntry(enrolmentId, entryId)) {
            throw new NotFoundException("There is no hours entry " + entryId + " in this portfolio");
        }
        String mediaType = EvidencePolicy.mediaType(fileName, content);
        String name = fileName.replaceAll("[\\\\/\\r\\n\"]", "_");
        Evidence evidence = new Evidence(UUID.randomUUID(), entryId, name, mediaType, content.length,
                clock.instant());
        portfolios.addEvidence(enrolmentId, evidence, content);
        return evidence;
    }

    @Transactional(readOnly = true)
    public EvidenceFile evidence(UUID enrolmentId, UUID evidenceId, Caller caller) {
        enrolments.readable(enrolmentId, caller);
        return portfolios.evidenceFile(enrolmentId, evidenceId)
                .orElseThrow(() -> new NotFoundException("There is no evidence " + evidenceId + " here"));
    }

    // plan, reflections, CPD commitment

    /** Saves the development plan as a new revision: earlier revisions stay, so its review over time shows. */
    @Transactional
    public DevelopmentPlan savePlan(UUID enrolmentId, List<Goal> goals, Caller caller) {
        Enrolment enrolment = enrolments.buildable(enrolmentId, caller);
        portfolios.savePlan(enrolmentId, goals, clock.instant());
        progress.refresh(enrolment);
        return portfolios.plan(enrolmentId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public DevelopmentPlan plan(UUID enrolmentId, Caller caller) {
        enrolments.readable(enrolmentId, caller);
        return portfolios.plan(enrolmentId).orElse(new DevelopmentPlan(0, List.of(), null, List.of()));
    }

    @Transactional
    public Reflection reflect(UUID enrolmentId, String title, String text, Caller caller) {
        Enrolment enrolment = enrolments.buildable(enrolmentId, caller);
        Reflection reflection = new Reflection(UUID.randomUUID(), title.strip(), text.strip(), clock.instant());
        portfolios.addReflection(enrolmentId, reflection);
        progress.refresh(enrolment);
        return reflection;
    }

    @Transactional(readOnly = true)
    public List<Reflection> reflections(UUID enrolmentId, Caller caller) {
        enrolments.readable(enrolmentId, caller);
        return portfolios.reflections(enrolmentId);
    }

    @Transactional
    public CpdCommitment commit(UUID enrolmentId, String statement, Caller caller) {
        Enrolment enrolment = enrolments.buildable(enrolmentId, caller);
        CpdCommitment commitment = new CpdCommitment(statement.strip(), clock.instant());
        portfolios.commit(enrolmentId, commitment);
        progress.refresh(enrolment);
        return commitment;
    }

    @Transactional(readOnly = true)
    public CpdCommitment commitment(UUID enrolmentId, Caller caller) {
        enrolments.readable(enrolmentId, caller);
        return portfolios.commitment(enrolmentId)
                .orElseThrow(() -> new NotFoundException("No commitment to CPD is made yet"));
    }

    // workshops from exchange

    @Transactional(readOnly = true)
    public List<WorkshopView> workshops(UUID enrolmentId, Caller caller) {
        Enrolment enrolment = enrolments.readable(enrolmentId, caller);
        List<Workshop> counted = progress.workshops(enrolment);
        Set<UUID> observed = progress.observedMeetings(enrolment, counted);
        return counted.stream().map(w -> EnrolmentService.workshopView(w, observed)).toList();
    }

    // observations

    /**
     * A peer assessor records an observation of a workshop the candidate led. 403 for anyone without the assessor
     * role and for a candidate observing themselves; 400 for a meeting the candidate did not lead, or one the
     * assessor facilitated.
     */
    @Transactional
    public Observation observe(UUID enrolmentId, UUID meetingId, LocalDate observedOn, String seen, String feedback,
            boolean counts, Caller caller) {
        EnrolmentService.requireAssessor(caller);
        Enrolment enrolment = enrolments.locked(enrolmentId);
        if (enrolment.candidateId().equals(caller.subjectId())) {
            throw new ForbiddenException("An assessor never observes their own workshop");
        }
        enrolment.require("be observed", EnrolmentStatus.BUILDING);
        boolean led = progress.workshops(enrolment).stream()
                .anyMatch(w -> w.meetingId().equals(meetingId) && w.led());
        if (!led) {
            throw new InvalidRequestException("The candidate did not lead meeting " + meetingId
                    + " (as exchange recorded it) since their enrolment began");
        }
        if (workshops.facilitated(caller.subjectId(), meetingId)) {
            throw new InvalidRequestException("You facilitated this workshop yourself: a peer assessor observes "
                    + "workshops they did not run");
        }
        if (observedOn.isAfter(today())) {
            throw new InvalidRequestException("An observation is recorded once it has taken place");
        }
        directory.rememberCaller(caller, clock.instant());
        Observation observation = new Observation(UUID.randomUUID(), enrolmentId, meetingId, caller.subjectId(),
                observedOn, seen.strip(), feedback.strip(), counts, clock.instant());
        portfolios.addObservation(observation);
        events.publish(enrolmentId, new ObservationRecorded(observation.id(), enrolmentId, enrolment.candidateId(),
                caller.subjectId(), meetingId, observedOn, counts, observation.recordedAt()));
        progress.refresh(enrolment);
        return observation;
    }

    @Transactional(readOnly = true)
    public List<Observation> observations(UUID enrolmentId, Caller caller) {
        enrolments.readable(enrolmentId, caller);
        return portfolios.observations(enrolmentId);
    }

    // recommendations

    /**
     * A panel member records their recommendation after the candidate's presentation; when both recommend, the
     * enrolment is recommended. 403 for anyone not on the panel; 409 before the candidate is ready for assessment.
     */
    @Transactional
    public Recommendation recommend(UUID enrolmentId, Decision decision, String reasons, Caller caller) {
        Enrolment enrolment = enrolments.locked(enrolmentId);
        if (!enrolment.onPanel(caller.subjectId())) {
            throw new ForbiddenException("Only the two assessors on the candidate's panel record recommendations");
        }
        if (enrolment.status() != EnrolmentStatus.READY_FOR_ASSESSMENT
                && enrolment.status() != EnrolmentStatus.RECOMMENDED) {
            throw new ConflictException("Recommendations follow the presentation, once the candidate is ready for "
                    + "assessment; this enrolment is " + enrolment.status());
        }
        Recommendation recommendation = new Recommendation(caller.subjectId(), decision, reasons.strip(),
                clock.instant());
        portfolios.recommend(enrolmentId, recommendation);
        progress.refresh(enrolment);
        return recommendation;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Progress.UK));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
