package org.exchange.membership.organisation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.exchange.membership.access.Access;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.audit.AuditTrail.Subject;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Sign in with your organisation" (issue 18): a programme admin records the e-mail domains of an organisation's
 * staff; a person who types their work address is told which identity provider to sign in with. The answer depends on
 * the address's domain alone, never on whether anyone has that address, so it tells no more than the domain mapping.
 */
@Service
public class EmailDomainService {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+"
            + "[a-z]{2,63}");
    private static final int MOST_DOMAINS = 20;

    private final EmailDomains domains;
    private final Organisations organisations;
    private final AuditTrail audit;

    EmailDomainService(EmailDomains domains, Organisations organisations, AuditTrail audit) {
        this.domains = domains;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** The organisation's e-mail domains, for a programme admin or its own org-admin. */
    @Transactional(readOnly = true)
    public List<String> of(Caller caller, String organisationId) {
        Access.requireManages(caller, organisationId);
        existing(organisationId);
        return domains.of(organisationId);
    }

    /** A programme admin replaces the organisation's e-mail domains; a domain of another organisation is refused. */
    @Transactional
    public List<String> replace(Caller caller, String organisationId, List<String> requested) {
        Access.requireProgrammeAdmin(caller);
        existing(organisationId);
        List<String> wanted = available(organisationId, requested, "domains");
        List<String> before = domains.of(organisationId);
        domains.replace(organisationId, wanted);
        audit.record(caller, "organisation.email-domains-changed", Subject.of("organisation", organisationId),
                organisationId, new DomainList(before), new DomainList(wanted));
        return wanted;
    }

    /**
     * The domains as they are kept (lower case, without a leading {@code @}, each once), checked: each an e-mail
     * domain, none another organisation's. Also for an organisation that does not exist yet (one onboarded with its
     * sign-in).
     *
     * @param field the request's field that named them, for the problem details
     * @throws InvalidRequestException for too many, or one that is not a domain (400)
     * @throws ConflictException for a domain another organisation holds (409)
     */
    @Transactional(readOnly = true)
    public List<String> available(String organisationId, List<String> requested, String field) {
        if (requested.size() > MOST_DOMAINS) {
            throw new InvalidRequestException(field, "At most " + MOST_DOMAINS + " e-mail domains per organisation");
        }
        List<String> wanted = requested.stream().map(domain -> domain == null ? "" : domain.strip()
                .toLowerCase(Locale.ROOT).replaceFirst("^@", "")).distinct().sorted().toList();
        for (String domain : wanted) {
            if (!DOMAIN.matcher(domain).matches()) {
                throw new InvalidRequestException(field, "'" + domain + "' is not an e-mail domain such as "
                        + "college.ac.uk");
            }
        }
        List<String> taken = domains.takenByOthers(organisationId, wanted);
        if (!taken.isEmpty()) {
            throw new ConflictException("Another organisation's staff have addresses at " + String.join(", ", taken)
                    + "; a domain belongs to one organisation");
        }
        return wanted;
    }

    /**
     * Where a person with this work address signs in: their organisation's identity provider, when its domain is an
     * organisation's that signs in through one that is live (a partner's provider still being tried is not offered,
     * ADR 0022).
     *
     * @throws NotFoundException otherwise: they sign in with an Exchange account
     */
    @Transactional(readOnly = true)
    public SignInProvider providerFor(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1) {
            throw new InvalidRequestException("email", "Type your work e-mail address, such as name@college.ac.uk");
        }
        String domain = address.substring(at + 1);
        return domains.organisationOf(domain).flatMap(organisations::find)
                .filter(organisation -> organisation.identityProviderAlias() != null
                        && !domains.stillTried(organisation.identityProviderAlias()))
                .map(organisation -> new SignInProvider(organisation.identityProviderAlias(), organisation.name()))
                .orElseThrow(() -> new NotFoundException("No partner organisation signs its staff in with addresses"
                        + " at " + domain + "; sign in with your Exchange account"));
    }

    private void existing(String organisationId) {
        if (!organisations.exists(organisationId)) {
            throw new NotFoundException("There is no partner organisation " + organisationId);
        }
    }

    /** Where to sign in: the identity provider's alias in the realm (the gateway's {@code ?idp=}), and whose it is. */
    public record SignInProvider(String alias, String organisationName) {
    }

    /** An organisation's e-mail domains, as the audit trail keeps them. */
    record DomainList(List<String> domains) {
    }
}
