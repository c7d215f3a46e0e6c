package org.exchange.assessment.aggregate;

import java.util.List;
import java.util.UUID;

import org.exchange.assessment.directory.Directory;
import org.exchange.assessment.framework.AssessmentRules;
import org.exchange.assessment.framework.Edition;
import org.exchange.assessment.framework.FrameworkService;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymised aggregates: facilitators see their groups', org-admins their organisation's staff's, programme admins
 * any group's, network's or organisation's. Nobody sees an individual's ratings here.
 */
@Service
public class AggregateService {

    private final AggregateQueries queries;
    private final Directory directory;
    private final FrameworkService frameworks;
    private final AssessmentRules rules;

    AggregateService(AggregateQueries queries, Directory directory, FrameworkService frameworks,
            AssessmentRules rules) {
        this.queries = queries;
        this.directory = directory;
        this.frameworks = frameworks;
        this.rules = rules;
    }

    /** A group's aggregate, for its facilitators and programme admins. */
    @Transactional(readOnly = true)
    public Aggregate forGroup(UUID groupId, String editionId, Caller caller) {
        directory.group(groupId).orElseThrow(() -> new NotFoundException("No group " + groupId + " known here"));
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN) && !directory.facilitates(caller.subjectId(), groupId)) {
            throw new ForbiddenException("A group's aggregate is for its facilitators and programme admins");
        }
        return aggregate(editionId, directory.membersOf(groupId));
    }

    /** An organisation's staff's aggregate, for its org-admins and programme admins. */
    @Transactional(readOnly = true)
    public Aggregate forOrganisation(String organisationId, String editionId, Caller caller) {
        boolean ownOrgAdmin = caller.hasRole(Caller.ROLE_ORG_ADMIN) && caller.belongsTo(organisationId);
        if (!ownOrgAdmin && !caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("An organisation's aggregate is for its own org-admins and programme admins");
        }
        return aggregate(editionId, directory.staffOf(organisationId));
    }

    /** A network's aggregate over every group's members, for programme admins. */
    @Transactional(readOnly = true)
    public Aggregate forNetwork(UUID networkId, String editionId, Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("A network's aggregate is for programme admins");
        }
        return aggregate(editionId, directory.membersOfNetwork(networkId));
    }

    /** The groups whose aggregates the caller may see. */
    @Transactional(readOnly = true)
    public List<Directory.Group> groupsFor(Caller caller) {
        return directory.facilitatedBy(caller.subjectId());
    }

    private Aggregate aggregate(String editionId, List<UUID> people) {
        Edition edition = editionId == null ? frameworks.current() : frameworks.edition(editionId);
        return Aggregate.of(edition, queries.rows(edition.id(), people), rules.minimumGroupSize());
    }
}
