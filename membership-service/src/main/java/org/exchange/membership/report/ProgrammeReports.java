package org.exchange.membership.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exchange.membership.access.Access;
import org.exchange.membership.cpd.CpdService;
import org.exchange.membership.invoice.InvoiceService;
import org.exchange.membership.invoice.InvoiceService.Revenue;
import org.exchange.membership.membership.Membership;
import org.exchange.membership.membership.MembershipService;
import org.exchange.membership.membership.MembershipStatus;
import org.exchange.membership.organisation.OrganisationService;
import org.exchange.membership.practitioner.Practitioner;
import org.exchange.membership.practitioner.PractitionerService;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What programme admins and org-admins see of the programme as a whole. */
@Service
class ProgrammeReports {

    private final MembershipService memberships;
    private final PractitionerService practitioners;
    private final InvoiceService invoices;
    private final CpdService cpd;
    private final OrganisationService organisations;
    private final Clock clock;

    ProgrammeReports(MembershipService memberships, PractitionerService practitioners, InvoiceService invoices,
            CpdService cpd, OrganisationService organisations, Clock clock) {
        this.memberships = memberships;
        this.practitioners = practitioners;
        this.invoices = invoices;
        this.cpd = cpd;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Memberships with the given statuses, with who holds them. */
    @Transactional(readOnly = true)
    List<MemberRow> members(Caller caller, Collection<MembershipStatus> statuses) {
        Access.requireProgrammeAdmin(caller);
        return rows(memberships.withStatus(statuses));
    }

    /** Members whose membership year ends this calendar month. */
    @Transactional(readOnly = true)
    List<MemberRow> renewalsDueThisMonth(Caller caller) {
        Access.requireProgrammeAdmin(caller);
        YearMonth month = YearMonth.now(clock);
        return rows(memberships.expiringBetween(month.atDay(1), month.atEndOfMonth()));
    }

    /** The members there are against the number that makes the programme viable. */
    @Transactional(readOnly = true)
    Viability viability(Caller caller) {
        Access.requireProgrammeAdmin(caller);
        Map<MembershipStatus, Integer> byStatus = new EnumMap<>(MembershipStatus.class);
        for (MembershipStatus status : MembershipStatus.values()) {
            byStatus.put(status, 0);
        }
        memberships.withStatus(EnumSet.allOf(MembershipStatus.class))
                .forEach(membership -> byStatus.merge(membership.status(), 1, Integer::sum));
        int members = MembershipStatus.MEMBERS.stream().mapToInt(byStatus::get).sum();
        int target = memberships.terms().viabilityTarget();
        return new Viability(target, members, Math.max(0, target - members), members >= target, byStatus);
    }

    /** Fees paid per membership year. */
    @Transactional(readOnly = true)
    List<Revenue> revenue(Caller caller) {
        Access.requireProgrammeAdmin(caller);
        return invoices.revenueByMembershipYear();
    }

    /** An organisation's staff and their participation, for its own org-admin or a programme admin. */
    @Transactional(readOnly = true)
    List<StaffRow> staff(Caller caller, String organisationId) {
        Access.requireManages(caller, organisationId);
        if (!organisations.exists(organisationId)) {
            throw new NotFoundException("There is no organisation " + organisationId);
        }
        int year = LocalDate.now(clock).getYear();
        return practitioners.ofOrganisation(organisationId).stream().map(person -> new StaffRow(person.id(),
                person.givenName(), person.familyName(), person.email(), person.jobRole(),
                memberships.ofPractitioner(person.id()).map(Membership::status).orElse(null),
                cpd.yearSummary(person.id(), year).totalHours())).toList();
    }

    private List<MemberRow> rows(List<Membership> list) {
        return list.stream().map(membership -> {
            Practitioner person = practitioners.find(membership.practitionerId()).orElse(null);
            return new MemberRow(membership.id(), membership.practitionerId(),
                    person == null ? null : person.givenName(), person == null ? null : person.familyName(),
                    person == null ? null : person.email(), person == null ? null : person.organisationId(),
                    membership.status(), membership.startedOn(), membership.expiresOn());
        }).toList();
    }

    /** One membership and its holder. */
    record MemberRow(UUID membershipId, UUID practitionerId, String givenName, String familyName, String email,
            String organisationId, MembershipStatus status, LocalDate startedOn, LocalDate expiresOn) {

        List<Object> fields() {
            return Arrays.asList(membershipId, practitionerId, givenName, familyName, email,
                    organisationId, status, startedOn, expiresOn);
        }
    }

    /**
     * The viability target against the current count.
     *
     * @param members memberships that are active or in renewal (grace period included)
     * @param shortfall how many more members the target needs
     */
    record Viability(int target, int members, int shortfall, boolean viable, Map<MembershipStatus, Integer> byStatus) {
    }

    /** A member of an organisation's staff and their participation this year. */
    record StaffRow(UUID practitionerId, String givenName, String familyName, String email, String jobRole,
            MembershipStatus membershipStatus, BigDecimal cpdHoursThisYear) {

        List<Object> fields() {
            return Arrays.asList(practitionerId, givenName, familyName, email, jobRole, membershipStatus,
                    cpdHoursThisYear);
        }
    }
}
