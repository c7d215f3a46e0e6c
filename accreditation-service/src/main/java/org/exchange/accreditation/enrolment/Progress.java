package org.exchange.accreditation.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.exchange.accreditation.enrolment.PortfolioRecords.Decision;
import org.exchange.accreditation.programme.Programme;
import org.exchange.accreditation.programme.ProgrammeCatalogue;
import org.exchange.accreditation.requirement.CheckItem;
import org.exchange.accreditation.requirement.PortfolioFacts;
import org.exchange.accreditation.requirement.RequirementEngine;
import org.exchange.accreditation.requirement.RequirementKind;
import org.exchange.accreditation.workshop.Workshop;
import org.exchange.accreditation.workshop.Workshops;
import org.exchange.contracts.accreditation.PanelRecommended;
import org.exchange.contracts.accreditation.ReadyForAssessment;
import org.exchange.platform.events.IntegrationEvents;
import org.springframework.stereotype.Component;

/**
 * Measures an enrolment: gathers the facts of its portfolio, has the requirement engine evaluate the programme
 * version it follows, and moves the enrolment to the status the result puts it in, publishing what changed.
 */
@Component
class Progress {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private final ProgrammeCatalogue catalogue;
    private final Portfolios portfolios;
    private final Workshops workshops;
    private final Enrolments enrolments;
    private final IntegrationEvents events;
    private final Clock clock;

    Progress(ProgrammeCatalogue catalogue, Portfolios portfolios, Workshops workshops, Enrolments enrolments,
            IntegrationEvents events, Clock clock) {
        this.catalogue = catalogue;
        this.portfolios = portfolios;
        this.workshops = workshops;
        this.enrolments = enrolments;
        this.events = events;
        this.clock = clock;
    }

    /** The checklist of an enrolment as of today. */
    List<CheckItem> checklist(Enrolment enrolment) {
        return RequirementEngine.evaluate(programmeOf(enrolment).requirements(), facts(enrolment));
    }

    Programme programmeOf(Enrolment enrolment) {
        return catalogue.version(enrolment.programmeCode(), enrolment.programmeVersion());
    }

    /** The day from which the minimum duration is met, or null when the programme has none or it has not started. */
    LocalDate eligibleFrom(Enrolment enrolment) {
        if (enrolment.enrolledOn() == null) {
            return null;
        }
        return programmeOf(enrolment).requirements().stream()
                .filter(r -> r.kind() == RequirementKind.MINIMUM_DURATION)
                .map(r -> enrolment.enrolledOn().plusMonths(r.target().intValueExact()))
                .max(LocalDate::compareTo).orElse(null);
    }

    /** The workshops that count for an enrolment: facilitated or led from the day it started. */
    List<Workshop> workshops(Enrolment enrolment) {
        Instant since = enrolment.enrolledOn() == null ? enrolment.appliedAt()
                : enrolment.enrolledOn().atStartOfDay(UK).toInstant();
        return workshops.of(enrolment.candidateId(), since);
    }

    /** Meetings the candidate led that a peer assessor observed and counted. */
    Set<UUID> observedMeetings(Enrolment enrolment, List<Workshop> counted) {
        Set<UUID> led = counted.stream().filter(Workshop::led).map(Workshop::meetingId).collect(Collectors.toSet());
        return portfolios.observations(enrolment.id()).stream()
                .filter(o -> o.counts() && led.contains(o.meetingId()))
                .map(PortfolioRecords.Observation::meetingId).collect(Collectors.toSet());
    }

    PortfolioFacts facts(Enrolment enrolment) {
        List<Workshop> counted = workshops(enrolment);
        long facilitated = counted.stream().map(Workshop::meetingId).distinct().count();
        int recommendations = (int) portfolios.recommendations(enrolment.id()).stream()
                .filter(r -> r.decision() == Decision.RECOMMEND && enrolment.onPanel(r.assessorId()))
                .count();
        return new PortfolioFacts(portfolios.hoursByCategory(enrolment.id()), (int) facilitated,
                observedMeetings(enrolment, counted).size(), portfolios.documents(enrolment.id()),
                enrolment.panelNamed(), recommendations, enrolment.enrolledOn(), LocalDate.now(clock.withZone(UK)));
    }

    /** Re-measures an enrolment under way and saves the status it is in now; returns it. */
    Enrolment refresh(Enrolment enrolment) {
        if (!EnrolmentStatus.UNDER_WAY.contains(enrolment.status())) {
            return enrolment;
        }
        List<CheckItem> checklist = checklist(enrolment);
        boolean started = portfolios.anything(enrolment.id()) || !workshops(enrolment).isEmpty();
        Enrolment next = enrolment.progress(started, RequirementEngine.readyForAssessment(checklist),
                RequirementEngine.allMet(checklist), clock.instant());
        if (next == enrolment) {
            return enrolment;
        }
        enrolments.update(next);
        Programme programme = programmeOf(next);
        if (next.status() == EnrolmentStatus.READY_FOR_ASSESSMENT
                && enrolment.status() != EnrolmentStatus.RECOMMENDED) {
            events.publish(next.id(), new ReadyForAssessment(next.id(), next.candidateId(), programme.code(),
                    programme.title(), clock.instant()));
        }
        if (next.status() == EnrolmentStatus.RECOMMENDED) {
            events.publish(next.id(), new PanelRecommended(next.id(), next.candidateId(), programme.code(),
                    programme.title(), clock.instant()));
        }
        return next;
    }
}
