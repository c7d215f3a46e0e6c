package org.exchange.gateway.portal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A tile server for the portal's maps, where one is configured. The maps draw the portal's own outlines of the UK
 * ({@code static/maps/uk.json}) and need nothing from the internet; tiles, when configured, are laid over them (and the
 * outlines still show where a tile does not load). None by default: the local platform and the tests have no internet.
 *
 * @param url Leaflet's URL template, such as {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png} ({@code {s}} for a
 *        subdomain); empty for no tiles
 * @param attribution the credit the tile provider asks for, shown under each map, such as
 *        {@code © OpenStreetMap contributors}; required with a url
 * @param attributionUrl where the credit links to, such as the provider's copyright page, or empty
 */
@ConfigurationProperties("exchange.gateway.portal.map-tiles")
public record MapTiles(String url, String attribution, String attributionUrl) {

    private static final String SUBDOMAIN = "{s}";

    public MapTiles {
        url = blankAsNull(url);
        attribution = blankAsNull(attribution);
        attributionUrl = blankAsNull(attributionUrl);
        if (url != null) {
            if (!url.contains("{z}") || !url.contains("{x}") || !(url.contains("{y}") || url.contains("{-y}"))) {
                throw new IllegalArgumentException("exchange.gateway.portal.map-tiles.url needs {z}, {x} and {y} "
                        + "(a Leaflet URL template): " + url);
            }
            if (attribution == null) {
                throw new IllegalArgumentException("exchange.gateway.portal.map-tiles.attribution is required with a "
                        + "tile server: the maps show the credit its provider asks for");
            }
            origin(url);
        }
        if (attributionUrl != null) {
            origin(attributionUrl);
        }
    }

    /** Whether the maps have tiles. */
    public boolean configured() {
        return url != null;
    }

    /**
     * Where the browser loads tiles from, as a Content-Security-Policy source ({@code https://tile.example.org}, a
     * {@code {s}} subdomain as {@code https://*.tile.example.org}), or empty without tiles.
     */
    public Optional<String> imageSource() {
        return Optional.ofNullable(url).map(MapTiles::origin);
    }

    /** The scheme, host and port of an http(s) address; a template's leading {@code {s}} subdomain becomes a wildcard. */
    private static String origin(String address) {
        int hostStart = address.indexOf("://") + 3;
        int pathStart = address.indexOf('/', hostStart);
        String hostTemplate = hostStart < 3 ? "" : address.substring(hostStart, pathStart < 0 ? address.length() : pathStart);
        boolean subdomains = hostTemplate.startsWith(SUBDOMAIN + ".");
        if ((subdomains ? hostTemplate.substring(SUBDOMAIN.length()) : hostTemplate).contains("{")) {
            throw new IllegalArgumentException("The portal's map tiles may vary the host only by a leading {s} "
                    + "subdomain: " + address);
        }
        try {
            URI uri = new URI(address.replace(SUBDOMAIN, "a").replaceAll("\\{-?[a-z0-9]+}", "0"));
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("The portal's map tiles need an http(s) address: " + address);
            }
            String host = subdomains ? "*" + uri.getHost().substring(1) : uri.getHost();
            return uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The portal's map tiles need an http(s) address: " + address, e);
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
