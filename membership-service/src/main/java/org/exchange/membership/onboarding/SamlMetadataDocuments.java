package org.exchange.membership.onboarding;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a SAML 2.0 identity provider's metadata, given as an address or as the XML itself, and checks that Keycloak
 * could broker the provider from it: one entity with an IDPSSODescriptor for SAML 2.0, an entity id, a single sign-on
 * service on the HTTP-POST or HTTP-Redirect binding at an absolute http(s) address, and at least one signing
 * certificate, every one of which parses and is valid now. A programme admin hears what is wrong before anything is
 * stored or configured.
 *
 * <p>The XML is parsed by the JDK's own parser hardened as OWASP advises: no document type declarations at all (so no
 * entities, internal or external, and no entity expansion), no external DTDs or schemas, no XInclude, secure
 * processing on. Metadata is at most {@value #LARGEST} bytes: one provider's metadata is a few KiB; a federation's
 * aggregate is not what a partner onboards.
 */
@Component
class SamlMetadataDocuments {

    static final int LARGEST = 256 * 1024;
    static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String SIGNATURE = "http://www.w3.org/2000/09/xmldsig#";
    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
    static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

    private final Clock clock;

    SamlMetadataDocuments(Clock clock) {
        this.clock = clock;
    }

    /** The metadata published at the address, checked. */
    SamlMetadata fetch(String metadataUrl) {
        return read(ProviderDocuments.fetch(metadataUrl, "application/samlmetadata+xml, application/xml, text/xml",
                "The SAML metadata", "metadataUrl", LARGEST), "metadataUrl", "The metadata at " + metadataUrl);
    }

    /** The metadata a programme admin pasted, checked. */
    SamlMetadata read(String metadataXml) {
        return read(metadataXml, "metadataXml", "The metadata");
    }

    /** Whether the metadata at the address can be fetched and used now (for the health view). */
    boolean usable(String metadataUrl) {
        try {
            fetch(metadataUrl);
            return true;
        } catch (Unusable e) {
            return false;
        }
    }

    private SamlMetadata read(String xml, String field, String what) {
        if (xml.length() > LARGEST) {
            throw new Unusable(field, what + " is larger than " + (LARGEST / 1024) + " KiB; give one provider's"
                    + " metadata, not a federation's");
        }
        Element root = parse(xml, field, what).getDocumentElement();
        Element entity = entity(root, field, what);
        List<String> wrong = new ArrayList<>();
        String entityId = entity.getAttribute("entityID").strip();
        if (entityId.isEmpty()) {
            wrong.add("the EntityDescriptor has no entityID");
        }
        validUntil(root, field, what);
        validUntil(entity, field, what);
        Element idp = children(entity, METADATA, "IDPSSODescriptor").stream()
                .filter(descriptor -> Set.of(descriptor.getAttribute("protocolSupportEnumeration").split("\\s+"))
                        .contains(PROTOCOL))
                .findFirst().orElse(null);
        if (idp == null) {
            throw new Unusable(field, what + " describes no SAML 2.0 identity provider: the EntityDescriptor has no"
                    + " IDPSSODescriptor for " + PROTOCOL);
        }
        Element signOn = endpoint(idp, "SingleSignOnService");
        if (signOn == null) {
            wrong.add("the IDPSSODescriptor has no SingleSignOnService on the HTTP-POST or HTTP-Redirect binding");
        } else if (!isHttp(signOn.getAttribute("Location"))) {
            wrong.add("the SingleSignOnService's Location is not an absolute http(s) address");
        }
        Element logout = endpoint(idp, "SingleLogoutService");
        if (logout != null && !isHttp(logout.getAttribute("Location"))) {
            wrong.add("the SingleLogoutService's Location is not an absolute http(s) address");
        }
        List<X509Certificate> certificates = signingCertificates(idp, wrong);
        String nameIdFormat = nameIdFormat(idp, wrong);
        if (!wrong.isEmpty()) {
            throw new Unusable(field, what + " is not usable: " + String.join("; ", wrong));
        }
        Instant now = clock.instant();
        for (X509Certificate certificate : certificates) {
            Instant notAfter = certificate.getNotAfter().toInstant();
            Instant notBefore = certificate.getNotBefore().toInstant();
            if (notAfter.isBefore(now)) {
                throw new Unusable(field, what + " has a signing certificate (" + subject(certificate)
                        + ") that expired on " + notAfter + "; ask the partner for metadata with a current one");
            }
            if (notBefore.isAfter(now)) {
                throw new Unusable(field, what + " has a signing certificate (" + subject(certificate)
                        + ") that is not valid before " + notBefore);
            }
        }
        Instant expiresAt = certificates.stream().map(certificate -> certificate.getNotAfter().toInstant())
                .min(Comparator.naturalOrder()).orElseThrow();
        List<String> encoded = certificates.stream().map(SamlMetadataDocuments::encoded).toList();
        return new SamlMetadata(entityId, signOn.getAttribute("Location").strip(),
                POST.equals(signOn.getAttribute("Binding")), logout == null ? null : logout.getAttribute("Location")
                        .strip(), logout != null && POST.equals(logout.getAttribute("Binding")), nameIdFormat,
                Boolean.parseBoolean(idp.getAttribute("WantAuthnRequestsSigned").strip()), encoded, expiresAt);
    }

    private static Document parse(String xml, String field, String what) {
        try {
            return builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new Unusable(field, what + " contains a document type declaration (DOCTYPE), which the"
                        + " platform refuses: SAML metadata needs none, and it is how XML entity attacks begin");
            }
            throw new Unusable(field, what + " is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + message + ")");
        } catch (SAXException | java.io.IOException e) {
            throw new Unusable(field, what + " is not well-formed XML (" + e.getMessage() + ")");
        }
    }

    /** A parser that reads no DTD, expands no entity and fetches nothing (OWASP's XXE prevention for JAXP DOM). */
    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() { // the default handler prints to standard error
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not read");
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be hardened", e);
        }
    }

    /** The one entity that is an identity provider: the root, or the only such one in an EntitiesDescriptor. */
    private static Element entity(Element root, String field, String what) {
        if (is(root, METADATA, "EntityDescriptor")) {
            return root;
        }
        if (is(root, METADATA, "EntitiesDescriptor")) {
            List<Element> providers = new ArrayList<>();
            collectProviders(root, providers);
            if (providers.size() == 1) {
                return providers.getFirst();
            }
            throw new Unusable(field, what + " holds " + providers.size() + " identity providers; give the"
                    + " metadata of the partner's one provider");
        }
        throw new Unusable(field, what + " is XML but not SAML 2.0 metadata: its root is "
                + (root.getNamespaceURI() == null ? "" : "{" + root.getNamespaceURI() + "}") + root.getLocalName()
                + ", not an EntityDescriptor of " + METADATA);
    }

    private static void collectProviders(Element entities, List<Element> providers) {
        for (Element child : children(entities, METADATA, null)) {
            if (is(child, METADATA, "EntitiesDescriptor")) {
                collectProviders(child, providers);
            } else if (is(child, METADATA, "EntityDescriptor")
                    && !children(child, METADATA, "IDPSSODescriptor").isEmpty()) {
                providers.add(child);
            }
        }
    }

    private void validUntil(Element element, String field, String what) {
        String validUntil = element.getAttribute("validUntil").strip();
        if (validUntil.isEmpty()) {
            return;
        }
        Instant until;
        try {
            until = java.time.OffsetDateTime.parse(validUntil).toInstant();
        } catch (DateTimeParseException e) {
            try {
                until = Instant.parse(validUntil + "Z");
            } catch (DateTimeParseException again) {
                throw new Unusable(field, what + " has a validUntil that is not a date and time: " + validUntil);
            }
        }
        if (until.isBefore(clock.instant())) {
            throw new Unusable(field, what + " was valid until " + until + " and is out of date; ask the partner for"
                    + " current metadata");
        }
    }

    /** The endpoint on the POST binding, or else the one on the redirect binding, as Keycloak's own import picks. */
    private static Element endpoint(Element idp, String name) {
        List<Element> endpoints = children(idp, METADATA, name);
        return endpoints.stream().filter(endpoint -> POST.equals(endpoint.getAttribute("Binding"))).findFirst()
                .or(() -> endpoints.stream().filter(endpoint -> REDIRECT.equals(endpoint.getAttribute("Binding")))
                        .findFirst())
                .orElse(null);
    }

    /** The certificates of the KeyDescriptors for signing (or for any use), each parsed. */
    private static List<X509Certificate> signingCertificates(Element idp, List<String> wrong) {
        List<X509Certificate> certificates = new ArrayList<>();
        int found = 0;
        for (Element key : children(idp, METADATA, "KeyDescriptor")) {
            String use = key.getAttribute("use").strip();
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            for (Element info : children(key, SIGNATURE, "KeyInfo")) {
                for (Element data : children(info, SIGNATURE, "X509Data")) {
                    for (Element value : children(data, SIGNATURE, "X509Certificate")) {
                        found++;
                        X509Certificate certificate = certificate(value.getTextContent());
                        if (certificate == null) {
                            wrong.add("signing certificate " + found + " is not a readable X.509 certificate");
                        } else {
                            certificates.add(certificate);
                        }
                    }
                }
            }
        }
        if (found == 0) {
            wrong.add("the IDPSSODescriptor has no signing certificate (KeyDescriptor with an X509Certificate); the"
                    + " platform checks the signature of every response");
        }
        return certificates;
    }

    private static X509Certificate certificate(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            return null;
        }
    }

    /** Persistent NameIDs when the provider offers them (one person, one name, every time), else unspecified. */
    private static String nameIdFormat(Element idp, List<String> wrong) {
        List<String> offered = children(idp, METADATA, "NameIDFormat").stream()
                .map(format -> format.getTextContent().strip()).toList();
        if (offered.isEmpty() || offered.contains(PERSISTENT)) {
            return PERSISTENT;
        }
        if (offered.stream().allMatch(TRANSIENT::equals)) {
            wrong.add("the provider offers only transient NameIDs, with which nobody could be recognised at their"
                    + " next sign-in");
            return null;
        }
        return offered.contains(UNSPECIFIED) ? UNSPECIFIED
                : offered.stream().filter(format -> !TRANSIENT.equals(format)).findFirst().orElseThrow();
    }

    private static String encoded(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static boolean isHttp(String location) {
        try {
            return ProviderDocuments.isHttp(URI.create(location.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean is(Element element, String namespace, String name) {
        return namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
    }

    /** The element children with the namespace and (unless null) local name. */
    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && (name == null || name.equals(element.getLocalName()))) {
                found.add(element);
            }
        }
        return found;
    }
}
