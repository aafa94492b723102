package org.lowmag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AbsentClassesTest {

    @Test
    void namesTheClassesWithoutATestItemInClassOrder() {
        List<String> classes = List.of("aca", "n", "scc", "x");
        assertEquals(List.of("n", "x"), AbsentClasses.of(new int[] {0, 2, 0, 2}, classes));
        assertEquals(List.of(), AbsentClasses.of(new int[] {3, 2, 1, 0}, classes));
        assertEquals(classes, AbsentClasses.of(new int[0], classes));
    }
}
