package org.ebpmlake.reference;

/**
 * Grid square codes of JIS X 0410 (地域メッシュ), the grid Japan's statistics publish on: the first mesh is
 * 40' of latitude by 1° of longitude, divided 8×8 into second meshes, 10×10 into third meshes (about 1 km),
 * and 2×2 into half meshes (about 500 m, a 9-digit code). Computed in arc-seconds so that boundaries fall
 * exactly where the standard puts them.
 */
public final class JisMeshCode {
    private JisMeshCode() {
    }

    /** The 9-digit half-mesh (500 m) code of a point in Japan. */
    public static String halfMesh(double latitude, double longitude) {
        if (latitude < 20 || latitude > 46 || longitude < 122 || longitude > 154) {
            throw new IllegalArgumentException("not a point in Japan: " + latitude + ", " + longitude);
        }
        double latitudeSeconds = micro(latitude * 3600);
        int p = (int) Math.floor(latitudeSeconds / 2400);
        double a = latitudeSeconds - p * 2400.0;
        int q = (int) Math.floor(a / 300);
        double b = a - q * 300.0;
        int r = (int) Math.floor(b / 30);
        double c = b - r * 30.0;
        int s = (int) Math.floor(c / 15);

        double longitudeSeconds = micro((longitude - 100) * 3600);
        int u = (int) Math.floor(longitudeSeconds / 3600);
        double d = longitudeSeconds - u * 3600.0;
        int v = (int) Math.floor(d / 450);
        double e = d - v * 450.0;
        int w = (int) Math.floor(e / 45);
        double f = e - w * 45.0;
        int x = (int) Math.floor(f / 22.5);
        return String.format("%02d%02d%d%d%d%d%d", p, u, q, v, r, w, s * 2 + x + 1);
    }

    /** Rounds to a micro-arc-second, so 34°40' given in degrees lands on its boundary, not just below it. */
    private static double micro(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    /** The 8-digit third-mesh (1 km) code: the half-mesh code without its last digit. */
    public static String thirdMesh(double latitude, double longitude) {
        return halfMesh(latitude, longitude).substring(0, 8);
    }
}
