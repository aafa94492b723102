package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Engine test: LowMag turns libtorch's NNPACK flag off before it makes a model. */
@Tag("engine")
class NnpackTest {

    @Test
    void theFirstDeviceLookupTurnsNnpackOffInLibtorch() {
        Engines.device();
        assertEquals("off", Nnpack.apply());
        assertFalse(Nnpack.enabledInLibtorch());
    }

    @Test
    void theFlagReadsBackAsSet() {
        Engines.device();
        try {
            Nnpack.setEnabledInLibtorch(true);
            assertTrue(Nnpack.enabledInLibtorch());
            Nnpack.setEnabledInLibtorch(false);
            assertFalse(Nnpack.enabledInLibtorch());
        } finally {
            Nnpack.setEnabledInLibtorch(false);
        }
    }

    @Test
    void anUnknownSettingIsRejectedWithTheValue() {
        String saved = System.getProperty(Nnpack.PROPERTY);
        System.setProperty(Nnpack.PROPERTY, "maybe");
        try {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, Nnpack::apply);
            assertEquals("-Dlowmag.nnpack=maybe is not one of on, off", e.getMessage());
        } finally {
            if (saved == null) {
                System.clearProperty(Nnpack.PROPERTY);
            } else {
                System.setProperty(Nnpack.PROPERTY, saved);
            }
        }
    }
}
