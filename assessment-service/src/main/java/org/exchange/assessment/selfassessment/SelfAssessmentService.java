package org.exchange.assessment.selfassessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.assessment.directory.Directory;
import org.exchange.assessment.framework.AssessmentRules;
import org.exchange.assessment.framework.Edition;
import org.exchange.assessment.framework.FrameworkService;
import org.exchange.assessment.framework.Standard;
import org.exchange.contracts.assessment.BaselineCompleted;
import org.exchange.contracts.assessment.BaselineDue;
import org.exchange.contracts.assessment.FocusStandardsChanged;
import org.exchange.contracts.assessment.ReviewCompleted;
import org.exchange.contracts.assessment.ReviewDue;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of self-assessment: a baseline at joining, reviews later, drafts saved as the practitioner goes, what is
 * due, and forgetting a person.
 */
@Service
public class SelfAssessmentService {

    private final SelfAssessments assessments;
    private final FrameworkService frameworks;
    private final Directory directory;
    private final IntegrationEvents events;
    private final AssessmentRules rules;
    private final Clock clock;

    SelfAssessmentService(SelfAssessments assessments, FrameworkService frameworks, Directory directory,
            IntegrationEvents events, AssessmentRules rules, Clock clock) {
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.directory = directory;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
    }

    /** What a practitioner saves of a draft: which kind, against which edition (a baseline only), and its content. */
    public record DraftCommand(AssessmentKind kind, String editionId, SelfAssessment.Content content) {
    }

    /** The caller's draft, if they have one. */
    @Transactional(readOnly = true)
    public Optional<SelfAssessment> draft(Caller caller) {
        return assessments.draftOf(caller.subjectId());
    }

    /**
     * What the caller's next form starts from when they have no draft: nothing for a baseline, the last submitted
     * ratings and choices for a review.
     */
    @Transactional(readOnly = true)
    public Optional<SelfAssessment> startingPoint(Caller caller) {
        List<SelfAssessment> submitted = assessments.submittedBy(caller.subjectId());
        if (submitted.isEmpty()) {
            return Optional.empty();
        }
        SelfAssessment last = submitted.getLast();
        Instant now = clock.instant();
        return Optional.of(SelfAssessment.draft(UUID.randomUUID(), caller.subjectId(),
                frameworks.edition(last.editionId()), AssessmentKind.REVIEW, last.asStartingPoint(), rules, now, now));
    }

    /** Saves the caller's draft as it now is: a half-done assessment survives closing the browser. */
    @Transactional
    public SelfAssessment saveDraft(Caller caller, DraftCommand command) {
        UUID practitioner = caller.subjectId();
        Optional<SelfAssessment> existing = assessments.lockDraftOf(practitioner);
        Edition edition = editionFor(practitioner, command);
        Instant now = clock.instant();
        UUID id = existing.filter(draft -> draft.kind() == command.kind() && draft.editionId().equals(edition.id()))
                .map(SelfAssessment::id).orElse(UUID.randomUUID());
        Instant started = existing.filter(draft -> draft.id().equals(id)).map(SelfAssessment::startedAt).orElse(now);
        SelfAssessment draft = SelfAssessment.draft(id, practitioner, edition, command.kind(), command.content(),
                rules, started, now);
        existing.filter(old -> !old.id().equals(id)).ifPresent(old -> assessments.delete(old.id()));
        assessments.save(draft);
        return draft;
    }

    /** Throws the caller's draft away. */
    @Transactional
    public void discardDraft(Caller caller) {
        SelfAssessment draft = assessments.lockDraftOf(caller.subjectId())
                .orElseThrow(() -> new NotFoundException("You have no draft self-assessment"));
        assessments.delete(draft.id());
    }

    /** Submits the caller's draft: from now on it counts, and the others learn of it. */
    @Transactional
    public SelfAssessment submit(Caller caller) {
        UUID practitioner = caller.subjectId();
        SelfAssessment draft = assessments.lockDraftOf(practitioner)
                .orElseThrow(() -> new NotFoundException("You have no draft self-assessment to submit"));
        requireOrder(practitioner, draft.kind());
        Edition edition = frameworks.edition(draft.editionId());
        List<SelfAssessment> before = assessments.submittedBy(practitioner);
        SelfAssessment submitted = draft.submit(edition, rules, clock.instant());
        assessments.save(submitted);
        assessments.clearDue(practitioner, submitted.kind());
        publishSubmitted(submitted, before, edition);
        return submitted;
    }

    /** The caller's submitted assessments, oldest first. */
    @Transactional(readOnly = true)
    public List<SelfAssessment> submitted(Caller caller) {
        return assessments.submittedBy(caller.subjectId());
    }

    /** The practitioner's submitted assessments, oldest first. */
    @Transactional(readOnly = true)
    public List<SelfAssessment> submittedBy(UUID practitionerId) {
        return assessments.submittedBy(practitionerId);
    }

    /** One of the caller's own assessments; nobody reads another person's. */
    @Transactional(readOnly = true)
    public SelfAssessment one(UUID assessmentId, Caller caller) {
        SelfAssessment assessment = assessments.find(assessmentId)
                .orElseThrow(() -> new NotFoundException("No self-assessment " + assessmentId));
        if (!assessment.practitionerId().equals(caller.subjectId())) {
            throw new ForbiddenException("A self-assessment is read only by the practitioner who made it");
        }
        return assessment;
    }

    /** What is due for the caller: their baseline, or a review a group prompted. */
    @Transactional(readOnly = true)
    public List<SelfAssessments.Due> dueFor(Caller caller) {
        return assessments.dueFor(caller.subjectId());
    }

    /** Whether the caller has submitted their baseline. */
    @Transactional(readOnly = true)
    public boolean hasBaseline(UUID practitionerId) {
        return assessments.hasBaseline(practitionerId);
    }

    /** A practitioner joined a group: their first group makes the baseline due, if they have none yet. */
    @Transactional
    public void joinedGroup(UUID practitionerId, UUID groupId, String groupName) {
        if (directory.groupCount(practitionerId) != 1 || assessments.hasBaseline(practitionerId)) {
            return;
        }
        Instant now = clock.instant();
        if (assessments.markDue(practitionerId, AssessmentKind.BASELINE, groupId, now)) {
            events.publish(practitionerId, new BaselineDue(practitionerId, groupId, groupName, now));
        }
    }

    /** A group started reporting or closed: each member with a baseline is due a review. */
    @Transactional
    public void groupReached(UUID groupId, String groupName, String status, List<UUID> members) {
        Instant now = clock.instant();
        for (UUID member : members) {
            if (assessments.hasBaseline(member) && assessments.markDue(member, AssessmentKind.REVIEW, groupId, now)) {
                events.publish(member, new ReviewDue(member, groupId, groupName, status, now));
            }
        }
    }

    /** Forgets a person: their assessments go with every rating, comment and evidence link. */
    @Transactional
    public void erase(UUID practitionerId) {
        assessments.eraseAllOf(practitionerId);
    }

    private Edition editionFor(UUID practitioner, DraftCommand command) {
        requireOrder(practitioner, command.kind());
        if (command.kind() == AssessmentKind.BASELINE) {
            return command.editionId() == null ? frameworks.current() : knownEdition(command.editionId());
        }
        SelfAssessment baseline = assessments.submittedBy(practitioner).getFirst();
        if (command.editionId() != null && !command.editionId().equals(baseline.editionId())) {
            throw new InvalidRequestException("A review is made against the edition of the baseline ("
                    + baseline.editionId() + "), so that progress compares like with like");
        }
        return frameworks.edition(baseline.editionId());
    }

    private Edition knownEdition(String editionId) {
        return frameworks.editions().stream().filter(edition -> edition.id().equals(editionId)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("No edition " + editionId
                        + " of the Professional Standards"));
    }

    private void requireOrder(UUID practitioner, AssessmentKind kind) {
        boolean hasBaseline = assessments.hasBaseline(practitioner);
        if (kind == AssessmentKind.BASELINE && hasBaseline) {
            throw new ConflictException("You have a baseline already; later rounds are reviews");
        }
        if (kind == AssessmentKind.REVIEW && !hasBaseline) {
            throw new ConflictException("A review compares with your baseline: complete your baseline first");
        }
    }

    private void publishSubmitted(SelfAssessment submitted, List<SelfAssessment> before, Edition edition) {
        UUID practitioner = submitted.practitionerId();
        if (submitted.kind() == AssessmentKind.BASELINE) {
            events.publish(practitioner, new BaselineCompleted(submitted.id(), practitioner, submitted.editionId(),
                    submitted.focusStandards(), submitted.submittedAt()));
            return;
        }
        SelfAssessment baseline = before.getFirst();
        SelfAssessment previous = before.getLast();
        boolean firstReview = previous == baseline;
        List<ReviewCompleted.StandardChange> changes = new ArrayList<>();
        for (String standardId : submitted.focusStandards()) {
            Standard standard = edition.standard(standardId).orElseThrow();
            int latest = submitted.score(standardId).orElseThrow();
            int base = baseline.score(standardId).orElseThrow();
            Integer prior = firstReview ? null : previous.score(standardId).orElse(null);
            changes.add(new ReviewCompleted.StandardChange(standardId, standard.number(), base, prior, latest,
                    latest - base, prior == null ? null : latest - prior));
        }
        events.publish(practitioner, new ReviewCompleted(submitted.id(), practitioner, submitted.editionId(),
                before.size(), changes, submitted.submittedAt()));
        if (submitted.focusDiffersFrom(previous)) {
            events.publish(practitioner, new FocusStandardsChanged(practitioner, submitted.editionId(),
                    previous.focusStandards(), submitted.focusStandards(), submitted.submittedAt()));
        }
    }
}
