package org.exchange.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The maps' tile server: none unless configured, and then only images from its own origin. */
class MapTilesTest {

    private static final String CREDIT = "© OpenStreetMap contributors";

    @Test
    void withoutAUrlTheMapsHaveNoTilesAndNoImageSourceBeyondThePortal() {
        MapTiles none = new MapTiles("", " ", null);

        assertThat(none.configured()).isFalse();
        assertThat(none.url()).isNull();
        assertThat(none.imageSource()).isEmpty();
    }

    @Test
    void aTileServerIsAllowedImagesFromItsOriginOnly() {
        MapTiles tiles = new MapTiles("https://tile.openstreetmap.org/{z}/{x}/{y}.png", CREDIT,
                "https://www.openstreetmap.org/copyright");

        assertThat(tiles.configured()).isTrue();
        assertThat(tiles.imageSource()).contains("https://tile.openstreetmap.org");
    }

    @Test
    void aTemplatesSubdomainsBecomeAWildcardAndAPortIsKept() {
        assertThat(new MapTiles("https://{s}.tiles.example.org:8443/{z}/{x}/{-y}{r}.png", CREDIT, null).imageSource())
                .contains("https://*.tiles.example.org:8443");
        assertThat(new MapTiles("http://localhost:8090/{z}/{x}/{y}.png", CREDIT, null).imageSource())
                .contains("http://localhost:8090");
    }

    @Test
    void aTileServerWithoutItsProvidersCreditIsRefused() {
        assertThatThrownBy(() -> new MapTiles("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "", null))
                .hasMessageContaining("map-tiles.attribution is required");
    }

    @Test
    void anAddressThatIsNotATileTemplateOverHttpIsRefused() {
        assertThatThrownBy(() -> new MapTiles("https://tile.openstreetmap.org/tiles.png", CREDIT, null))
                .hasMessageContaining("{z}, {x} and {y}");
        assertThatThrownBy(() -> new MapTiles("ftp://tiles.example.org/{z}/{x}/{y}.png", CREDIT, null))
                .hasMessageContaining("http(s) address");
        assertThatThrownBy(() -> new MapTiles("https://tiles{s}.example.org/{z}/{x}/{y}.png", CREDIT, null))
                .hasMessageContaining("leading {s} subdomain");
        assertThatThrownBy(() -> new MapTiles("https://tile.openstreetmap.org/{z}/{x}/{y}.png", CREDIT,
                "javascript:alert(1)"))
                .hasMessageContaining("http(s) address");
    }
}
