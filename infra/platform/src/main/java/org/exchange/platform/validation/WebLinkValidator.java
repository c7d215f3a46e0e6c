package org.exchange.platform.validation;

import java.net.URI;
import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a {@link WebLink}. */
public class WebLinkValidator implements ConstraintValidator<WebLink, String> {

    private boolean httpsOnly;

    @Override
    public void initialize(WebLink constraint) {
        httpsOnly = constraint.httpsOnly();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || parse(value).filter(uri -> !httpsOnly || uri.getScheme().equalsIgnoreCase("https"))
                .isPresent();
    }

    /** The link as an absolute http(s) URI with a host, or empty when it is not one. */
    public static Optional<URI> parse(String link) {
        if (link == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme();
            boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
