package org.exchange.membership.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.exchange.membership.appointment.AppointmentService;
import org.exchange.membership.appointment.IdentitySync;
import org.exchange.membership.cpd.CpdActivity;
import org.exchange.membership.cpd.CpdService;
import org.exchange.membership.invoice.Invoice;
import org.exchange.membership.invoice.InvoiceService;
import org.exchange.membership.membership.Membership;
import org.exchange.membership.membership.MembershipService;
import org.exchange.membership.membership.Transition;
import org.exchange.membership.onboarding.PartnerStaffLinks;
import org.exchange.membership.practitioner.Practitioner;
import org.exchange.membership.practitioner.PractitionerService;
import org.exchange.platform.erasure.PlatformErasure;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's rights over their data: to see all of it, and to have it erased. */
@Service
public class PrivacyService {

    private final PractitionerService practitioners;
    private final MembershipService memberships;
    private final InvoiceService invoices;
    private final CpdService cpd;
    private final IdentitySync identity;
    private final AppointmentService appointments;
    private final PlatformErasure platformErasure;
    private final PartnerStaffLinks partnerStaffLinks;
    private final Clock clock;

    PrivacyService(PractitionerService practitioners, MembershipService memberships, InvoiceService invoices,
            CpdService cpd, IdentitySync identity, AppointmentService appointments, PlatformErasure platformErasure,
            PartnerStaffLinks partnerStaffLinks, Clock clock) {
        this.practitioners = practitioners;
        this.memberships = memberships;
        this.invoices = invoices;
        this.cpd = cpd;
        this.identity = identity;
        this.appointments = appointments;
        this.clock = clock;
        this.platformErasure = platformErasure;
        this.partnerStaffLinks = partnerStaffLinks;
    }

    /** Everything membership-service holds about the caller. */
    @Transactional(readOnly = true)
    public DataExport export(Caller caller) {
        Practitioner profile = practitioners.find(caller.subjectId()).orElse(null);
        var membership = memberships.ofPractitioner(caller.subjectId());
        return new DataExport(clock.instant(), profile, membership.orElse(null),
                membership.map(m -> memberships.history(m.id())).orElse(List.of()),
                invoices.ofPractitioner(caller.subjectId()), cpd.allOf(caller.subjectId()));
    }

    /**
     * Erases the caller's personal data here (profile, what they wrote in applications, renewals and CPD
     * reflections) and publishes PractitionerErasureRequested so that every other context does the same. Invoices
     * stay as accounting records; they name the person only by id. Counts keep counting. Their Keycloak account is
     * deleted, with its sessions and realm roles, once the erasure has committed (retried until Keycloak takes it;
     * ADR 0015), and what was kept of it to give it back after Keycloak lost its data (the link to a partner's
     * identity provider, ADR 0023) is deleted here.
     */
    @Transactional
    public Practitioner erase(Caller caller) {
        Practitioner erased = practitioners.erase(caller);
        memberships.erasePersonalData(erased.id());
        cpd.erasePersonalData(erased.id());
        appointments.endAllOnErasure(caller);
        identity.endAccountAfterCommit(erased.id());
        partnerStaffLinks.forget(erased.id());
        platformErasure.forget(erased.id());
        return erased;
    }

    /** The data export, as the person downloads it. */
    public record DataExport(Instant exportedAt, Practitioner profile,
            Membership membership, List<Transition> membershipHistory,
            List<Invoice> invoices, List<CpdActivity> cpdActivities) {
    }
}
