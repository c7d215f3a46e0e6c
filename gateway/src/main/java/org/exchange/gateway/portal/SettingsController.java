package org.exchange.gateway.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How this installation of the portal is configured, for its pages (anyone may read it): the maps' tile server, or
 * null where the maps draw only the portal's own outlines.
 */
@RestController
class SettingsController {

    private final MapTiles mapTiles;

    SettingsController(MapTiles mapTiles) {
        this.mapTiles = mapTiles;
    }

    @GetMapping("/portal/settings")
    ResponseEntity<Map<String, Object>> settings() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (mapTiles.configured()) {
            Map<String, Object> tiles = new LinkedHashMap<>();
            tiles.put("url", mapTiles.url());
            tiles.put("attribution", mapTiles.attribution());
            tiles.put("attributionUrl", mapTiles.attributionUrl());
            body.put("mapTiles", tiles);
        } else {
            body.put("mapTiles", null);
        }
        return ResponseEntity.ok(body);
    }
}
