package org.exchange.exchange.research;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.exchange.ExchangeApplication;
import org.exchange.exchange.group.Group;
import org.exchange.exchange.group.GroupService;
import org.exchange.exchange.group.GroupStatus;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of action research: members record trials of a method and what they observe; the group's facilitators
 * record its evaluation of what works. The record belongs to the group: its members, facilitators and programme
 * admins read it.
 */
@Service
public class ResearchService {

    private final ResearchRecords records;
    private final GroupService groups;
    private final Clock clock;

    ResearchService(ResearchRecords records, GroupService groups, Clock clock) {
        this.records = records;
        this.groups = groups;
        this.clock = clock;
    }

    /** An erased person's own observations go; the trials they started stay, named by nobody. */
    @Transactional
    public int eraseObservationsOf(UUID personId) {
        return records.deleteObservationsOf(personId);
    }

    /** A member starts a trial of a method. */
    @Transactional
    public ActionResearch.Trial startTrial(UUID groupId, String method, String aim, LocalDate startedOn,
            Caller caller) {
        Group group = researching(groupId);
        requireInGroup(group, caller);
        requireNotFuture(startedOn);
        ActionResearch.Trial trial = new ActionResearch.Trial(UUID.randomUUID(), groupId, caller.subjectId(),
                method.strip(), aim.strip(), startedOn, clock.instant());
        records.add(trial);
        return trial;
    }

    /** A member of the group records what they observed in a trial. */
    @Transactional
    public ActionResearch.Observation observe(UUID trialId, LocalDate observedOn, String observation, Caller caller) {
        ActionResearch.Trial trial = records.trial(trialId)
                .orElseThrow(() -> new NotFoundException("No trial " + trialId));
        Group group = researching(trial.groupId());
        requireInGroup(group, caller);
        requireNotFuture(observedOn);
        if (observedOn.isBefore(trial.startedOn())) {
            throw new InvalidRequestException("An observation comes after the trial started, on " + trial.startedOn());
        }
        ActionResearch.Observation recorded = new ActionResearch.Observation(UUID.randomUUID(), trialId,
                caller.subjectId(), observedOn, observation.strip(), clock.instant());
        records.add(recorded);
        return recorded;
    }

    /** The group's facilitators (or a programme admin) record the group's evaluation of what works. */
    @Transactional
    public ActionResearch.Evaluation evaluate(UUID groupId, String whatWorks, String whatDidNot, String nextSteps,
            Caller caller) {
        Group group = researching(groupId);
        groups.requireCanRun(group, caller);
        ActionResearch.Evaluation evaluation = new ActionResearch.Evaluation(UUID.randomUUID(), groupId,
                caller.subjectId(), whatWorks.strip(), whatDidNot, nextSteps, clock.instant());
        records.add(evaluation);
        return evaluation;
    }

    /** The group's action research log. */
    @Transactional(readOnly = true)
    public ActionResearch.Log log(UUID groupId, Caller caller) {
        Group group = groups.get(groupId);
        requireInGroup(group, caller);
        return new ActionResearch.Log(groupId, records.trials(groupId).stream()
                .map(trial -> new ActionResearch.TrialRecord(trial, records.observations(trial.id())))
                .toList(), records.evaluations(groupId));
    }

    private Group researching(UUID groupId) {
        Group group = groups.get(groupId);
        if (group.status() != GroupStatus.ACTIVE && group.status() != GroupStatus.REPORTING) {
            throw new ConflictException("A group records action research while active or reporting; it is "
                    + group.status());
        }
        return group;
    }

    private void requireInGroup(Group group, Caller caller) {
        if (!groups.canRun(group, caller) && !groups.isMember(group.id(), caller.subjectId())) {
            throw new ForbiddenException("A group's action research is for its members and facilitators");
        }
    }

    private void requireNotFuture(LocalDate date) {
        if (date.isAfter(LocalDate.ofInstant(clock.instant(), ExchangeApplication.PROGRAMME_ZONE))) {
            throw new InvalidRequestException("Action research records what has happened; " + date
                    + " is in the future");
        }
    }
}
