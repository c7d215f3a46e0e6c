package org.exchange.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway configured with a tile server for the portal's maps: its pages learn it from {@code /portal/settings}
 * without signing in, and the Content-Security-Policy lets images come from that server and no other. Without one
 * (the default) see {@code GatewayEdgeTest}.
 */
@SpringBootTest(properties = {
        "exchange.gateway.portal.map-tiles.url=https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        "exchange.gateway.portal.map-tiles.attribution=© Example mappers",
        "exchange.gateway.portal.map-tiles.attribution-url=https://tiles.example.org/copyright" })
class PortalSettingsTest {

    @Autowired
    ApplicationContext context;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @Test
    void theMapsTileServerReachesThePagesAndItsImagesAreAllowed() {
        web.get().uri("/portal/settings").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mapTiles.url").isEqualTo("https://{s}.tiles.example.org/{z}/{x}/{y}.png")
                .jsonPath("$.mapTiles.attribution").isEqualTo("© Example mappers")
                .jsonPath("$.mapTiles.attributionUrl").isEqualTo("https://tiles.example.org/copyright");
        web.get().uri("/finder.html").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("img-src 'self' data: https://*.tiles.example.org;"));
    }
}
