package org.exchange.membership.appointment;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.exchange.membership.access.Access;
import org.exchange.membership.organisation.OrganisationService;
import org.exchange.membership.practitioner.Practitioner;
import org.exchange.membership.practitioner.PractitionerService;
import org.exchange.membership.practitioner.PractitionerService.ArrivedInOrganisation;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.audit.AuditTrail.Subject;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's org-admins (issue 18): a programme admin names them for any organisation, an org-admin for their
 * own only, and never to another role. A person already known is appointed at once, if they are the organisation's
 * own staff; a work e-mail nobody has signed in with yet is a {@link OrgAdminNomination nomination} that takes effect
 * when that person first appears in the organisation. Either way the appointment is the committed fact and the realm
 * role {@code org-admin} follows it in Keycloak after commit, retried ({@link IdentitySync}, ADR 0011).
 */
@Service
public class OrgAdminService {

    private final AppointmentService appointing;
    private final Appointments appointments;
    private final OrgAdminNominations nominations;
    private final PractitionerService practitioners;
    private final OrganisationService organisations;
    private final AuditTrail audit;
    private final Clock clock;

    OrgAdminService(AppointmentService appointing, Appointments appointments, OrgAdminNominations nominations,
            PractitionerService practitioners, OrganisationService organisations, AuditTrail audit, Clock clock) {
        this.appointing = appointing;
        this.appointments = appointments;
        this.nominations = nominations;
        this.practitioners = practitioners;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** The organisation's current org-admins and the nominations waiting for their first sign-in. */
    @Transactional(readOnly = true)
    public OrgAdmins of(Caller caller, String organisationId) {
        requireManagesExisting(caller, organisationId);
        List<OrgAdmin> admins = appointments.currentOrgAdmins(organisationId).stream()
                .map(appointment -> new OrgAdmin(appointment, practitioners.find(appointment.practitionerId())
                        .orElseThrow()))
                .toList();
        return new OrgAdmins(admins, nominations.open(organisationId));
    }

    /**
     * Names an org-admin of the organisation: a member of its staff by practitioner id, or the holder of a work e-mail
     * address; exactly one of the two.
     */
    @Transactional
    public Named name(Caller caller, String organisationId, UUID practitionerId, String email) {
        requireManagesExisting(caller, organisationId);
        if ((practitionerId == null) == (email == null || email.isBlank())) {
            throw new InvalidRequestException("Name either a practitioner id of the organisation's staff or a work "
                    + "e-mail address, not both");
        }
        return practitionerId != null ? new Named(name(caller, organisationId, practitionerId), null)
                : nameByEmail(caller, organisationId, email);
    }

    /**
     * Names the person, a member of the organisation, its org-admin; naming a current one again changes nothing.
     *
     * @throws ConflictException when the person belongs to another organisation, or to none
     */
    @Transactional
    public OrgAdmin name(Caller caller, String organisationId, UUID practitionerId) {
        requireManagesExisting(caller, organisationId);
        Practitioner person = appointing.appointable(practitionerId);
        return new OrgAdmin(appoint(caller, caller.subjectId(), organisationId, person), person);
    }

    /**
     * Names the holder of a work e-mail address the organisation's org-admin: at once when they are known here as its
     * staff, otherwise when they first appear in it. Naming an address already waiting changes nothing.
     *
     * @throws ConflictException when the address is of someone known to belong to another organisation
     */
    @Transactional
    public Named nameByEmail(Caller caller, String organisationId, String email) {
        requireManagesExisting(caller, organisationId);
        String address = email.strip();
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidRequestException("email", "'" + email + "' is not a work e-mail address");
        }
        List<Practitioner> known = practitioners.withEmail(address);
        var member = known.stream().filter(person -> organisationId.equals(person.organisationId())).findFirst();
        if (member.isPresent()) {
            return new Named(new OrgAdmin(appoint(caller, caller.subjectId(), organisationId, member.get()),
                    member.get()), null);
        }
        if (!known.isEmpty() && known.stream().allMatch(person -> person.organisationId() != null)) {
            throw new ConflictException("The person with the address " + address + " belongs to another organisation;"
                    + " an org-admin of " + organisationId + " must be its own staff");
        }
        var waiting = nominations.openForUpdate(organisationId, address);
        if (waiting.isPresent()) {
            return new Named(null, waiting.get());
        }
        OrgAdminNomination nomination = new OrgAdminNomination(UUID.randomUUID(), organisationId,
                address.toLowerCase(Locale.ROOT), caller.subjectId(), clock.instant(), null, null, null, null);
        if (!nominations.addIfAbsent(nomination)) {
            // another request named the same address a moment ago
            return new Named(null, nominations.openForUpdate(organisationId, address).orElseThrow());
        }
        audit.record(caller, "org-admin.nominated", Subject.of("org-admin-nomination", nomination.id()),
                organisationId, null, nomination);
        return new Named(null, nomination);
    }

    /**
     * Withdraws the person's appointment as the organisation's org-admin; the realm role goes after commit. An
     * org-admin cannot withdraw the last one of their organisation (themselves included): it would be left with no one
     * to manage it but the programme; a programme admin can.
     */
    @Transactional
    public void withdraw(Caller caller, String organisationId, UUID practitionerId) {
        requireManagesExisting(caller, organisationId);
        List<UUID> admins = appointments.lockCurrentOrgAdmins(organisationId);
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN) && admins.equals(List.of(practitionerId))) {
            throw new ConflictException(practitionerId + " is the last org-admin of " + organisationId + ": name"
                    + " another before withdrawing them, or ask a programme admin (an organisation keeps at least one"
                    + " org-admin of its own)");
        }
        Appointment appointment = appointments.current(practitionerId, AppointableRole.ORG_ADMIN)
                .filter(current -> organisationId.equals(current.organisationId()))
                .orElseThrow(() -> new NotFoundException(practitionerId + " is not an org-admin of " + organisationId
                        + " named on the platform"));
        appointing.withdraw(caller, appointment);
    }

    /** Withdraws a nomination still waiting for the person's first sign-in. */
    @Transactional
    public void withdrawNomination(Caller caller, String organisationId, UUID nominationId) {
        requireManagesExisting(caller, organisationId);
        OrgAdminNomination nomination = nominations.find(organisationId, nominationId).filter(OrgAdminNomination::open)
                .orElseThrow(() -> new NotFoundException("No nomination " + nominationId + " of " + organisationId
                        + " is waiting"));
        var now = clock.instant();
        nominations.withdraw(nomination.id(), caller.subjectId(), now);
        audit.record(caller, "org-admin.nomination-withdrawn", Subject.of("org-admin-nomination", nomination.id()),
                organisationId, nomination, new OrgAdminNomination(nomination.id(), organisationId, nomination.email(),
                        nomination.namedBy(), nomination.namedAt(), caller.subjectId(), now, null, null));
    }

    /**
     * In the transaction in which a person appears in an organisation: a nomination of their address for it takes
     * effect, appointed by whoever named them.
     */
    @EventListener
    void arrived(ArrivedInOrganisation arrival) {
        if (arrival.email() == null || arrival.organisationId() == null) {
            return;
        }
        nominations.openForUpdate(arrival.organisationId(), arrival.email()).ifPresent(nomination -> {
            Practitioner person = practitioners.find(arrival.practitionerId()).orElseThrow();
            if (appointments.current(person.id(), AppointableRole.ORG_ADMIN).isPresent()) {
                return; // an org-admin already (of an organisation they left): the nomination waits
            }
            Appointment appointment = appointing.appoint(null, nomination.namedBy(), person, AppointableRole.ORG_ADMIN,
                    arrival.organisationId());
            nominations.tookEffect(nomination.id(), appointment.id(), clock.instant());
        });
    }

    private Appointment appoint(Caller caller, UUID appointedBy, String organisationId, Practitioner person) {
        if (!organisationId.equals(person.organisationId())) {
            throw new ConflictException(person.id() + (person.organisationId() == null
                    ? " belongs to no organisation yet" : " belongs to another organisation")
                    + "; an org-admin of " + organisationId + " must be its own staff");
        }
        var existing = appointments.current(person.id(), AppointableRole.ORG_ADMIN);
        if (existing.isPresent() && !organisationId.equals(existing.get().organisationId())) {
            throw new ConflictException(person.id() + " is already an org-admin of another organisation");
        }
        return appointing.appoint(caller, appointedBy, person, AppointableRole.ORG_ADMIN, organisationId);
    }

    private void requireManagesExisting(Caller caller, String organisationId) {
        Access.requireManages(caller, organisationId);
        if (!organisations.exists(organisationId)) {
            throw new NotFoundException("There is no partner organisation " + organisationId);
        }
    }

    /** A current org-admin, with who they are. */
    public record OrgAdmin(Appointment appointment, Practitioner person) {
    }

    /** An organisation's org-admins now, and those named by e-mail who have not signed in yet. */
    public record OrgAdmins(List<OrgAdmin> admins, List<OrgAdminNomination> waiting) {
    }

    /** What naming by e-mail did: an appointment, or a nomination that waits. */
    public record Named(OrgAdmin admin, OrgAdminNomination nomination) {
    }
}
