package org.exchange.accreditation.enrolment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exchange.accreditation.directory.Directory;
import org.exchange.accreditation.directory.Person;
import org.exchange.accreditation.enrolment.EnrolmentViews.AssessorView;
import org.exchange.accreditation.enrolment.EnrolmentViews.Completion;
import org.exchange.accreditation.enrolment.EnrolmentViews.EnrolmentSummary;
import org.exchange.accreditation.enrolment.EnrolmentViews.EnrolmentView;
import org.exchange.accreditation.enrolment.EnrolmentViews.ObservableCandidate;
import org.exchange.accreditation.enrolment.EnrolmentViews.Panel;
import org.exchange.accreditation.enrolment.EnrolmentViews.PersonRef;
import org.exchange.accreditation.enrolment.EnrolmentViews.RecommendationView;
import org.exchange.accreditation.enrolment.EnrolmentViews.WorkshopView;
import org.exchange.accreditation.programme.Programme;
import org.exchange.accreditation.programme.ProgrammeCatalogue;
import org.exchange.accreditation.requirement.CheckItem;
import org.exchange.accreditation.requirement.RequirementEngine;
import org.exchange.accreditation.workshop.Workshop;
import org.exchange.contracts.accreditation.AwardCompleted;
import org.exchange.contracts.accreditation.EnrolmentAccepted;
import org.exchange.contracts.accreditation.EnrolmentWithdrawn;
import org.exchange.contracts.accreditation.PanelAssigned;
import org.exchange.contracts.accreditation.WorkshopCounted;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.audit.AuditTrail.Subject;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enrolment's use cases: applying, acceptance, coach and panel, progress, ILM's confirmation, and who sees what. */
@Service
@EnableConfigurationProperties(AccreditationSettings.class)
public class EnrolmentService {

    private final Enrolments enrolments;
    private final Portfolios portfolios;
    private final Progress progress;
    private final ProgrammeCatalogue catalogue;
    private final Directory directory;
    private final Fees fees;
    private final IntegrationEvents events;
    private final AccreditationSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    EnrolmentService(Enrolments enrolments, Portfolios portfolios, Progress progress, ProgrammeCatalogue catalogue,
            Directory directory, Fees fees, IntegrationEvents events, AccreditationSettings settings, AuditTrail audit,
            Clock clock) {
        this.audit = audit;
        this.enrolments = enrolments;
        this.portfolios = portfolios;
        this.progress = progress;
        this.catalogue = catalogue;
        this.directory = directory;
        this.fees = fees;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    // the candidate

    /**
     * A practitioner applies to a programme, on its newest requirement version. 409 when the programme asks for an
     * award they do not hold, or when they have an open enrolment in it already.
     */
    @Transactional
    public Enrolment apply(Caller caller, String programmeCode) {
        directory.rememberCaller(caller, clock.instant());
        Programme programme = catalogue.current(programmeCode);
        requirePrerequisite(caller.subjectId(), programme);
        boolean open = enrolments.ofCandidate(caller.subjectId()).stream()
                .anyMatch(e -> e.programmeCode().equals(programmeCode) && EnrolmentStatus.OPEN.contains(e.status()));
        if (open) {
            throw new ConflictException("You already have an open enrolment in " + programme.title());
        }
        Enrolment enrolment = Enrolment.apply(caller.subjectId(), caller.organisationId(), programme.code(),
                programme.version(), clock.instant());
        enrolments.add(enrolment);
        return enrolment;
    }

    @Transactional(readOnly = true)
    public List<EnrolmentSummary> mine(Caller caller) {
        return summaries(enrolments.ofCandidate(caller.subjectId()));
    }

    /** The candidate (or a programme admin) withdraws an open enrolment. */
    @Transactional
    public Enrolment withdraw(UUID id, String reason, Caller caller) {
        Enrolment enrolment = locked(id);
        if (!enrolment.candidateId().equals(caller.subjectId()) && !isAdmin(caller)) {
            throw new ForbiddenException("Only the candidate or a programme admin can withdraw an enrolment");
        }
        Enrolment withdrawn = enrolment.withdraw(reason, caller.subjectId(), clock.instant());
        enrolments.update(withdrawn);
        events.publish(id, new EnrolmentWithdrawn(id, withdrawn.candidateId(), withdrawn.programmeCode(),
                EnrolmentStatus.WITHDRAWN.name(), clock.instant()));
        return withdrawn;
    }

    // reading

    /** An enrolment with its checklist, for those who may read it. */
    @Transactional(readOnly = true)
    public EnrolmentView view(UUID id, Caller caller) {
        return view(readable(id, caller));
    }

    /** The enrolment, when the caller may read it: the candidate, their coach, their assessors, programme admins. */
    @Transactional(readOnly = true)
    public Enrolment readable(UUID id, Caller caller) {
        Enrolment enrolment = existing(id);
        if (!mayRead(enrolment, caller)) {
            throw new ForbiddenException("Only the candidate, their coach, their assessors and programme admins "
                    + "see this enrolment");
        }
        return enrolment;
    }

    /** The enrolment, locked, when the caller is its candidate and the portfolio is still being built. */
    Enrolment buildable(UUID id, Caller caller) {
        Enrolment enrolment = locked(id);
        if (!enrolment.candidateId().equals(caller.subjectId())) {
            throw new ForbiddenException("Only the candidate adds to their portfolio");
        }
        enrolment.require("take portfolio entries", EnrolmentStatus.BUILDING);
        return enrolment;
    }

    boolean mayRead(Enrolment enrolment, Caller caller) {
        UUID me = caller.subjectId();
        return isAdmin(caller) || enrolment.candidateId().equals(me) || me.equals(enrolment.coachId())
                || enrolment.onPanel(me)
                || portfolios.observations(enrolment.id()).stream().anyMatch(o -> o.assessorId().equals(me));
    }

    // programme admins

    @Transactional(readOnly = true)
    public List<EnrolmentSummary> list(EnrolmentStatus status, Caller caller) {
        requireAdmin(caller);
        Set<EnrolmentStatus> statuses = status == null ? EnumSet.allOf(EnrolmentStatus.class) : Set.of(status);
        return summaries(enrolments.withStatus(statuses));
    }

    /**
     * Accepts an application: the enrolment starts (today, or on the day given when the candidate began earlier) and
     * {@link EnrolmentAccepted} tells membership-service to invoice the programme's fee.
     */
    @Transactional
    public Enrolment accept(UUID id, LocalDate startsOn, Caller caller) {
        requireAdmin(caller);
        Enrolment enrolment = locked(id);
        Programme programme = progress.programmeOf(enrolment);
        requirePrerequisite(enrolment.candidateId(), programme);
        LocalDate today = LocalDate.now(clock.withZone(Progress.UK));
        Enrolment accepted = enrolment.accept(startsOn == null ? today : startsOn, today, caller.subjectId(),
                clock.instant());
        enrolments.update(accepted);
        audited(caller, "enrolment.accepted", enrolment, accepted);
        events.publish(id, new EnrolmentAccepted(id, accepted.candidateId(), programme.code(), programme.title(),
                programme.version(), programme.fee().amount(), programme.fee().currency(), accepted.enrolledOn(),
                caller.subjectId(), clock.instant()));
        return progress.refresh(accepted);
    }

    @Transactional
    public Enrolment decline(UUID id, String reason, Caller caller) {
        requireAdmin(caller);
        Enrolment enrolment = locked(id);
        Enrolment declined = enrolment.decline(reason, caller.subjectId(), clock.instant());
        enrolments.update(declined);
        audited(caller, "enrolment.declined", enrolment, declined);
        events.publish(id, new EnrolmentWithdrawn(id, declined.candidateId(), declined.programmeCode(),
                EnrolmentStatus.DECLINED.name(), clock.instant()));
        return declined;
    }

    @Transactional
    public Enrolment assignCoach(UUID id, UUID coachId, Caller caller) {
        requireAdmin(caller);
        Enrolment enrolment = locked(id);
        if (coachId.equals(enrolment.candidateId())) {
            throw new InvalidRequestException("A candidate cannot coach themselves");
        }
        if (directory.person(coachId).filter(p -> !p.erased()).isEmpty()) {
            throw new InvalidRequestException("There is no practitioner " + coachId + " to coach this candidate");
        }
        Enrolment coached = enrolment.coach(coachId);
        enrolments.update(coached);
        audited(caller, "enrolment.coach-assigned", enrolment, coached);
        return coached;
    }

    /**
     * Names the panel: one assessor from the academy, one from the candidate's own organisation, two different
     * people, neither the candidate. Recommendations of members replaced are dropped.
     */
    @Transactional
    public Enrolment namePanel(UUID id, UUID academyAssessorId, UUID organisationAssessorId, Caller caller) {
        requireAdmin(caller);
        Enrolment enrolment = locked(id);
        Person academy = assessor(academyAssessorId);
        Person own = assessor(organisationAssessorId);
        new PanelPolicy(settings.academyOrganisationId()).check(enrolment.candidateId(),
                enrolment.candidateOrganisationId(), member(academy), member(own));
        Enrolment named = enrolment.panel(academyAssessorId, organisationAssessorId);
        enrolments.update(named);
        audited(caller, "enrolment.panel-named", enrolment, named);
        portfolios.keepRecommendationsOf(id, List.of(academyAssessorId, organisationAssessorId));
        Programme programme = progress.programmeOf(named);
        events.publish(id, new PanelAssigned(id, named.candidateId(), directory.displayName(named.candidateId()),
                programme.title(), academyAssessorId, organisationAssessorId, clock.instant()));
        return progress.refresh(named);
    }

    /** People appointed assessor, for the panel picker; whether each is from the academy. */
    @Transactional(readOnly = true)
    public List<AssessorView> assessors(Caller caller) {
        requireAdmin(caller);
        return directory.assessors().stream().map(p -> new AssessorView(p.id(), p.displayName(), p.organisationId(),
                directory.organisationName(p.organisationId()),
                settings.academyOrganisationId().equals(p.organisationId()))).toList();
    }

    /** Records ILM's confirmation of a recommended candidate's award: {@link AwardCompleted} follows. */
    @Transactional
    public Enrolment award(UUID id, LocalDate confirmedOn, String ilmReference, Caller caller) {
        requireAdmin(caller);
        Enrolment enrolment = locked(id);
        Enrolment awarded = enrolment.award(confirmedOn, ilmReference.strip(),
                LocalDate.now(clock.withZone(Progress.UK)), clock.instant());
        enrolments.update(awarded);
        audited(caller, "enrolment.awarded", enrolment, awarded);
        Programme programme = progress.programmeOf(awarded);
        events.publish(id, new AwardCompleted(id, awarded.candidateId(), programme.code(), programme.title(),
                awarded.awardedOn()));
        return awarded;
    }

    /** Recommended enrolments to confirm with ILM, or with {@code confirmed} those ILM confirmed. */
    @Transactional(readOnly = true)
    public List<Completion> completions(boolean confirmed, Caller caller) {
        requireAdmin(caller);
        return enrolments.withStatus(Set.of(confirmed ? EnrolmentStatus.AWARDED : EnrolmentStatus.RECOMMENDED))
                .stream().map(this::completion).toList();
    }

    // assessors

    /** The enrolments an assessor observed a workshop for or sits on the panel of. */
    @Transactional
    public List<EnrolmentSummary> assessedBy(Caller caller) {
        requireAssessor(caller);
        directory.rememberCaller(caller, clock.instant());
        return summaries(enrolments.assessedBy(caller.subjectId()));
    }

    /** Candidates still building their portfolio, to find one to observe, with the workshops they led. */
    @Transactional
    public List<ObservableCandidate> observable(String nameContains, Caller caller) {
        requireAssessor(caller);
        directory.rememberCaller(caller, clock.instant());
        List<ObservableCandidate> result = new ArrayList<>();
        for (Enrolment enrolment : enrolments.building(nameContains)) {
            if (enrolment.candidateId().equals(caller.subjectId())) {
                continue;
            }
            List<Workshop> workshops = progress.workshops(enrolment);
            Set<UUID> observed = progress.observedMeetings(enrolment, workshops);
            result.add(new ObservableCandidate(enrolment.id(), enrolment.candidateId(),
                    directory.displayName(enrolment.candidateId()),
                    directory.organisationName(enrolment.candidateOrganisationId()),
                    progress.programmeOf(enrolment).title(), enrolment.status(),
                    workshops.stream().filter(Workshop::led).map(w -> workshopView(w, observed)).toList()));
        }
        return result;
    }

    // what other contexts tell us

    /**
     * A workshop of the person changed (exchange recorded or corrected attendance): the enrolments under way count it
     * ({@link WorkshopCounted}) and are measured again.
     */
    @Transactional
    public void workshopsChanged(UUID personId, UUID attendanceId) {
        for (Enrolment enrolment : enrolments.ofCandidate(personId)) {
            if (!EnrolmentStatus.UNDER_WAY.contains(enrolment.status())) {
                continue;
            }
            List<Workshop> workshops = progress.workshops(enrolment);
            workshops.stream().filter(w -> w.attendanceId().equals(attendanceId)).findFirst().ifPresent(w ->
                    events.publish(enrolment.id(), new WorkshopCounted(enrolment.id(), personId, attendanceId,
                            w.meetingId(), w.role(), (int) workshops.stream().map(Workshop::meetingId).distinct()
                            .count(), clock.instant())));
            progress.refresh(locked(enrolment.id()));
        }
    }

    /** Measures every enrolment under way again: the minimum duration is met by time passing alone. */
    @Transactional
    public int refreshAll() {
        int changed = 0;
        for (Enrolment enrolment : enrolments.withStatus(EnrolmentStatus.UNDER_WAY)) {
            if (progress.refresh(locked(enrolment.id())).status() != enrolment.status()) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Erasure: the person's own words and files go from every enrolment; open enrolments end. Awarded enrolments stay,
     * pseudonymised, as the record of what was confirmed with ILM (docs/adr/0007).
     */
    @Transactional
    public void erase(UUID personId) {
        for (Enrolment enrolment : enrolments.ofCandidate(personId)) {
            Enrolment erased = enrolment.erase();
            if (EnrolmentStatus.OPEN.contains(erased.status())) {
                erased = erased.withdraw("Erased at the person's request", personId, clock.instant()).erase();
                events.publish(erased.id(), new EnrolmentWithdrawn(erased.id(), personId, erased.programmeCode(),
                        EnrolmentStatus.WITHDRAWN.name(), clock.instant()));
            }
            enrolments.update(erased);
            portfolios.erase(enrolment.id());
        }
    }

    /** Whether the person holds an award ILM confirmed. */
    @Transactional(readOnly = true)
    public boolean holdsAnAward(UUID personId) {
        return enrolments.ofCandidate(personId).stream().anyMatch(e -> e.status() == EnrolmentStatus.AWARDED);
    }

    // helpers shared in the feature

    Enrolment existing(UUID id) {
        return enrolments.find(id).orElseThrow(() -> new NotFoundException("There is no enrolment " + id));
    }

    Enrolment locked(UUID id) {
        return enrolments.lock(id).orElseThrow(() -> new NotFoundException("There is no enrolment " + id));
    }

    static boolean isAdmin(Caller caller) {
        return caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN);
    }

    static void requireAdmin(Caller caller) {
        if (!isAdmin(caller)) {
            throw new ForbiddenException("Only programme admins do this");
        }
    }

    static void requireAssessor(Caller caller) {
        if (!caller.hasRole(Caller.ROLE_ASSESSOR)) {
            throw new ForbiddenException("Only peer assessors do this");
        }
    }

    static WorkshopView workshopView(Workshop workshop, Set<UUID> observed) {
        return new WorkshopView(workshop.meetingId(), workshop.title(), workshop.startsAt(), workshop.role(),
                workshop.minutes(), observed.contains(workshop.meetingId()));
    }

    /** An admin's decision on an enrolment, on the audit trail as about its candidate. */
    private void audited(Caller caller, String action, Enrolment before, Enrolment after) {
        audit.record(caller, action, Subject.ofPerson("enrolment", after.id(), after.candidateId()),
                after.candidateOrganisationId(), before, after);
    }

    private void requirePrerequisite(UUID candidateId, Programme programme) {
        String prerequisite = programme.prerequisiteCode();
        if (prerequisite == null) {
            return;
        }
        boolean held = enrolments.ofCandidate(candidateId).stream()
                .anyMatch(e -> e.programmeCode().equals(prerequisite) && e.status() == EnrolmentStatus.AWARDED);
        if (!held) {
            throw new ConflictException(programme.title() + " is open only to holders of the "
                    + catalogue.current(prerequisite).title());
        }
    }

    private Person assessor(UUID id) {
        Person person = directory.person(id).orElseThrow(() ->
                new InvalidRequestException("There is no assessor " + id));
        if (!person.assessor() || person.erased()) {
            throw new InvalidRequestException(person.displayName() + " is not an appointed assessor");
        }
        return person;
    }

    private static PanelPolicy.Member member(Person person) {
        return new PanelPolicy.Member(person.id(), person.displayName(), person.organisationId());
    }

    private List<EnrolmentSummary> summaries(List<Enrolment> list) {
        Map<UUID, Person> people = directory.people(list.stream().map(Enrolment::candidateId).toList());
        return list.stream().map(e -> {
            Person candidate = people.get(e.candidateId());
            return new EnrolmentSummary(e.id(), e.programmeCode(), progress.programmeOf(e).title(), e.status(),
                    e.appliedAt(), e.enrolledOn(), progress.eligibleFrom(e),
                    RequirementEngine.overallPercent(progress.checklist(e)), e.candidateId(),
                    candidate == null ? "Practitioner" : candidate.displayName(),
                    directory.organisationName(e.candidateOrganisationId()));
        }).toList();
    }

    EnrolmentView view(Enrolment e) {
        Programme programme = progress.programmeOf(e);
        List<CheckItem> checklist = progress.checklist(e);
        List<RecommendationView> recommendations = portfolios.recommendations(e.id()).stream()
                .map(r -> new RecommendationView(r.assessorId(), directory.displayName(r.assessorId()), r.decision(),
                        r.reasons(), r.recordedAt())).toList();
        return new EnrolmentView(e.id(), e.programmeCode(), programme.title(), e.status(), e.appliedAt(),
                e.enrolledOn(), progress.eligibleFrom(e), RequirementEngine.overallPercent(checklist),
                personRef(e.candidateId(), e.candidateOrganisationId()), personRef(e.coachId(), null),
                e.programmeVersion(), programme.provisional(), checklist,
                new Panel(personRef(e.academyAssessorId(), null), personRef(e.organisationAssessorId(), null),
                        recommendations),
                e.decisionReason(), e.awardedOn(), e.ilmReference(), fees.of(e.id()).orElse(null));
    }

    private PersonRef personRef(UUID id, String organisationId) {
        if (id == null) {
            return null;
        }
        Person person = directory.person(id).orElse(null);
        String organisation = organisationId != null ? organisationId : person == null ? null : person.organisationId();
        return new PersonRef(id, person == null ? "Practitioner" : person.displayName(), organisation,
                directory.organisationName(organisation));
    }

    private Completion completion(Enrolment e) {
        Programme programme = progress.programmeOf(e);
        Person candidate = directory.person(e.candidateId()).orElse(null);
        var facts = progress.facts(e);
        Instant recommendedAt = portfolios.recommendations(e.id()).stream()
                .map(PortfolioRecords.Recommendation::recordedAt).max(Instant::compareTo).orElse(null);
        BigDecimal total = facts.totalHours().stripTrailingZeros();
        return new Completion(e.id(), settings.centreNumber(), programme.code(), programme.title(),
                e.programmeVersion(), e.candidateId(), candidate == null ? null : candidate.givenName(),
                candidate == null ? null : candidate.familyName(), candidate == null ? null : candidate.email(),
                directory.organisationName(e.candidateOrganisationId()), e.enrolledOn(), recommendedAt,
                total.scale() < 0 ? total.setScale(0) : total, facts.workshopsFacilitated(),
                facts.workshopsObserved(), directory.displayName(e.academyAssessorId()),
                directory.displayName(e.organisationAssessorId()), e.status(), e.awardedOn(), e.ilmReference());
    }
}
