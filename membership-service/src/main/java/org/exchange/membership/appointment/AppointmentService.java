package org.exchange.membership.appointment;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.exchange.contracts.membership.AppointmentWithdrawn;
import org.exchange.contracts.membership.PractitionerAppointed;
import org.exchange.membership.access.Access;
import org.exchange.membership.practitioner.Practitioner;
import org.exchange.membership.practitioner.PractitionerService;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.audit.AuditTrail.Subject;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme admin appoints practitioners as facilitators or assessors, and withdraws appointments. The appointment
 * is the committed fact; the realm role in the identity provider follows it after commit ({@link IdentitySync}),
 * retried until Keycloak agrees. The person's next token carries the role. An erased person is appointed to nothing.
 */
@Service
public class AppointmentService {

    private final Appointments appointments;
    private final PractitionerService practitioners;
    private final IdentitySync roles;
    private final IntegrationEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    AppointmentService(Appointments appointments, PractitionerService practitioners, IdentitySync roles,
            IntegrationEvents events, AuditTrail audit, Clock clock) {
        this.appointments = appointments;
        this.practitioners = practitioners;
        this.roles = roles;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /** Appoints the person; appointing someone who already holds the role changes nothing. */
    @Transactional
    public Appointment appoint(Caller caller, UUID practitionerId, AppointableRole role) {
        Access.requireProgrammeAdmin(caller);
        return appoint(caller, caller.subjectId(), appointable(practitionerId), role, null);
    }

    /** The person, known here and not erased: 404 or 409 otherwise. */
    Practitioner appointable(UUID practitionerId) {
        Practitioner person = practitioners.find(practitionerId).orElseThrow(() -> new NotFoundException(
                "No practitioner " + practitionerId + " has signed in to the platform yet"));
        if (person.isErased()) {
            throw new ConflictException(practitionerId + " was erased at their request; their account has ended and"
                    + " cannot be appointed");
        }
        return person;
    }

    /**
     * Records the appointment, its audit entry and event, and asks for the realm role after commit; the caller has
     * been checked. A person who already holds the role keeps the appointment they have.
     *
     * @param caller who acts, for the audit trail; null when the platform acts on an earlier decision
     * @param appointedBy who decided it
     * @param organisationId the organisation an org-admin manages; null for the other roles
     */
    Appointment appoint(Caller caller, UUID appointedBy, Practitioner person, AppointableRole role,
            String organisationId) {
        UUID practitionerId = person.id();
        var existing = appointments.current(practitionerId, role);
        if (existing.isPresent()) {
            return existing.get();
        }
        Appointment appointment = new Appointment(UUID.randomUUID(), practitionerId, role, appointedBy,
                clock.instant(), null, null, organisationId);
        appointments.add(appointment);
        audit.record(caller, "appointment.made", Subject.ofPerson("appointment", appointment.id(), practitionerId),
                organisationId, null, appointment);
        events.publish(practitionerId, new PractitionerAppointed(appointment.id(), practitionerId,
                role.realmRole(), appointedBy, appointment.appointedAt()));
        roles.requestAfterCommit(practitionerId, role);
        return appointment;
    }

    /** Withdraws the person's current appointment to the role. */
    @Transactional
    public void withdraw(Caller caller, UUID practitionerId, AppointableRole role) {
        Access.requireProgrammeAdmin(caller);
        Appointment appointment = appointments.current(practitionerId, role).orElseThrow(() -> new NotFoundException(
                practitionerId + " holds no current appointment as " + role.realmRole()));
        withdraw(caller, appointment);
    }

    /** Ends the appointment and asks for the realm role to go after commit; the caller has been checked. */
    void withdraw(Caller caller, Appointment appointment) {
        end(caller, appointment, "appointment.withdrawn");
        roles.requestAfterCommit(appointment.practitionerId(), appointment.role());
    }

    /**
     * Erasure: the person's appointments end with it, so that the other contexts stop counting them as facilitator
     * or assessor ({@link AppointmentWithdrawn}, by the person themselves). Their Keycloak account is ended as a
     * whole, roles and all, by the erasure.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void endAllOnErasure(Caller erased) {
        for (AppointableRole role : AppointableRole.values()) {
            appointments.current(erased.subjectId(), role)
                    .ifPresent(appointment -> end(erased, appointment, "appointment.ended-by-erasure"));
        }
    }

    private void end(Caller caller, Appointment appointment, String action) {
        var now = clock.instant();
        UUID practitionerId = appointment.practitionerId();
        appointments.withdraw(appointment.id(), caller.subjectId(), now);
        audit.record(caller, action, Subject.ofPerson("appointment", appointment.id(), practitionerId),
                appointment.organisationId(), appointment, appointment.withdrawn(caller.subjectId(), now));
        events.publish(practitionerId, new AppointmentWithdrawn(appointment.id(), practitionerId,
                appointment.role().realmRole(), caller.subjectId(), now));
    }

    /** The appointments that hold now. */
    @Transactional(readOnly = true)
    public List<Appointment> current(Caller caller) {
        Access.requireProgrammeAdmin(caller);
        return appointments.currentOnes();
    }

    /** The realm roles the person's current appointments grant, such as {@code org-admin}; none for an erased person. */
    @Transactional(readOnly = true)
    public Set<String> realmRolesOf(UUID practitionerId) {
        Set<String> roles = new TreeSet<>();
        for (AppointableRole role : AppointableRole.values()) {
            if (appointments.holds(practitionerId, role)) {
                roles.add(role.realmRole());
            }
        }
        return roles;
    }
}
