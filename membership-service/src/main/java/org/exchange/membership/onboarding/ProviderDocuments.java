package org.exchange.membership.onboarding;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches a document a partner's provider publishes at an address a programme admin gives (a discovery document,
 * SAML metadata), within a deadline and a size limit: a larger answer is not read beyond the limit. Every failure is
 * an {@link Unusable} in words a programme admin can act on.
 */
final class ProviderDocuments {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private ProviderDocuments() {
    }

    /**
     * The document at the address, as text.
     *
     * @param what the document's name in messages, such as {@code The discovery document}
     * @param field the request's field the address came from
     */
    static String fetch(String url, String accept, String what, String field, int largest) {
        URI address = address(url, what, field);
        HttpResponse<InputStream> answer;
        try {
            answer = HTTP.send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new Unusable(field, what + " at " + url + " did not arrive in time");
        } catch (IOException e) {
            throw new Unusable(field, what + " at " + url + " could not be reached ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unusable(field, "Fetching " + what.toLowerCase() + " at " + url + " was interrupted");
        }
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                throw new Unusable(field, what + " at " + url + " answered HTTP " + answer.statusCode()
                        + " instead of 200");
            }
            byte[] read = body.readNBytes(largest + 1);
            if (read.length > largest) {
                throw new Unusable(field, "The answer at " + url + " is larger than " + (largest / 1024)
                        + " KiB, too large to be " + what.toLowerCase().replaceFirst("^the ", "a "));
            }
            return new String(read, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unusable(field, what + " at " + url + " could not be read (" + e.getMessage() + ")");
        }
    }

    /** The address, if it is an absolute http(s) one. */
    static URI address(String url, String what, String field) {
        try {
            URI address = URI.create(url);
            if (isHttp(address)) {
                return address;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw new Unusable(field, "The address " + url + " of " + what.toLowerCase()
                + " is not an absolute http(s) address");
    }

    static boolean isHttp(URI address) {
        return address.isAbsolute() && ("https".equalsIgnoreCase(address.getScheme())
                || "http".equalsIgnoreCase(address.getScheme())) && address.getHost() != null;
    }
}
