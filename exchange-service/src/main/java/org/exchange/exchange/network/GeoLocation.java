package org.exchange.exchange.network;

import org.exchange.platform.problem.InvalidRequestException;

/**
 * A point on the map (WGS 84) and the name people know it by.
 *
 * @param placeName a town or city, or null
 */
public record GeoLocation(double latitude, double longitude, String placeName) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoLocation {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new InvalidRequestException("A location needs a latitude within ±90 and a longitude within ±180");
        }
    }

    /** The great-circle (haversine) distance in kilometres. */
    public double distanceKm(GeoLocation other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude))
                * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }
}
