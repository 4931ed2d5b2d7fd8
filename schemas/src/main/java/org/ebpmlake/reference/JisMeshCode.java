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

    /** The south, west, north and east edges (degrees) of a 9-digit half mesh: 15" of latitude by 22.5" of longitude. */
    public static double[] halfMeshBounds(String code) {
        if (code == null || !code.matches("\\d{8}[1-4]")) {
            throw new IllegalArgumentException("not a 9-digit half-mesh code: " + code);
        }
        int p = Integer.parseInt(code.substring(0, 2));
        int u = Integer.parseInt(code.substring(2, 4));
        int q = code.charAt(4) - '0';
        int v = code.charAt(5) - '0';
        int r = code.charAt(6) - '0';
        int w = code.charAt(7) - '0';
        int quarter = code.charAt(8) - '1';
        double southSeconds = p * 2400.0 + q * 300.0 + r * 30.0 + (quarter / 2) * 15.0;
        double westSeconds = u * 3600.0 + v * 450.0 + w * 45.0 + (quarter % 2) * 22.5;
        double south = southSeconds / 3600;
        double west = 100 + westSeconds / 3600;
        return new double[] {south, west, south + 15.0 / 3600, west + 22.5 / 3600};
    }
}
