package org.ebpmlake.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JisMeshCodeTest {
    @Test
    void computesTheStandardsCodesByHand() {
        // 34.6937N 135.5023E: latitude 124,897.32" = 52×2400 + 0×300 + 3×30 + 7.32 → p52 q0 r3, s0;
        // longitude 35.5023° → 127,808.28" = 35×3600 + 4×450 + 0×45 + 8.28 → u35 v4 w0, x0; half mesh 0×2+0+1 = 1.
        assertThat(JisMeshCode.halfMesh(34.6937, 135.5023)).isEqualTo("523504301");
        assertThat(JisMeshCode.thirdMesh(34.6937, 135.5023)).isEqualTo("52350430");
        // 15" further north and 22.5" further east lands in the north-east half mesh (1×2+1+1 = 4).
        assertThat(JisMeshCode.halfMesh(34.6937 + 15 / 3600.0, 135.5023 + 22.5 / 3600.0)).isEqualTo("523504304");
    }

    @Test
    void boundariesBelongToTheSquareNorthAndEastOfThem() {
        // 34°40'00" is exactly the southern edge of first mesh 52; 135°00'00" the western edge of 35.
        assertThat(JisMeshCode.halfMesh(34 + 40 / 60.0, 135.0)).isEqualTo("523500001");
    }

    @Test
    void refusesPointsOutsideJapan() {
        assertThatThrownBy(() -> JisMeshCode.halfMesh(0, 0)).hasMessageContaining("not a point in Japan");
    }

    @Test
    void aHalfMeshsBoundsContainEveryPointThatMapsToIt() {
        double[][] points = {{34.6937, 135.5023}, {34.7025, 135.4959}, {34.6660, 135.5013}, {35.6812, 139.7671}};
        for (double[] point : points) {
            double[] bounds = JisMeshCode.halfMeshBounds(JisMeshCode.halfMesh(point[0], point[1]));
            assertThat(point[0]).isBetween(bounds[0], bounds[2]);
            assertThat(point[1]).isBetween(bounds[1], bounds[3]);
            assertThat(bounds[2] - bounds[0]).isCloseTo(15.0 / 3600, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(bounds[3] - bounds[1]).isCloseTo(22.5 / 3600, org.assertj.core.api.Assertions.within(1e-12));
        }
    }
}
