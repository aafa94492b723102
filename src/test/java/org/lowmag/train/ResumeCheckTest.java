package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

class ResumeCheckTest {

    private static Map<String, Object> config(int epochs, double lr, String resize) {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("epochs", epochs);
        loop.put("learning_rate", lr);
        loop.put("checkpoint_minutes", 10.0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "distill");
        m.put("magnification", 2.5);
        m.put("resize", resize);
        m.put("loop", loop);
        return m;
    }

    @Test
    void sameSettingsAndAllowedChangesResume(@TempDir Path dir) throws Exception {
        Map<String, Object> old = new LinkedHashMap<>(config(5, 1e-3, "maxpool+bicubic"));
        old.put("provenance", Map.of("date", "yesterday"));
        Json.write(dir.resolve("config.json"), old);
        assertDoesNotThrow(() -> ResumeCheck.check(dir, config(5, 1e-3, "maxpool+bicubic")));
        // more epochs, another checkpoint interval, a key the old file lacks: allowed
        Map<String, Object> longer = config(15, 1e-3, "maxpool+bicubic");
        @SuppressWarnings("unchecked")
        Map<String, Object> loop = (Map<String, Object>) longer.get("loop");
        loop.put("checkpoint_minutes", 2.0);
        longer.put("added_later", true);
        assertDoesNotThrow(() -> ResumeCheck.check(dir, longer));
    }

    @Test
    void otherMathsIsRefusedWithEveryDifferenceNamed(@TempDir Path dir) throws Exception {
        Json.write(dir.resolve("config.json"), config(5, 1e-3, "maxpool+bicubic"));
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () -> ResumeCheck.check(dir, config(5, 1e-4, "bicubic")));
        assertTrue(
                e.getMessage().contains("loop.learning_rate was 0.001, now 1.0E-4"), e::getMessage);
        assertTrue(e.getMessage().contains("resize was \"maxpool+bicubic\""), e::getMessage);
        assertTrue(e.getMessage().contains("--out"), e::getMessage);
    }

    @Test
    void pathsCompareAsFiles(@TempDir Path dir) throws Exception {
        Map<String, Object> old = config(5, 1e-3, "none");
        old.put("data", dir.toAbsolutePath() + "/ds");
        Json.write(dir.resolve("config.json"), old);
        Map<String, Object> same = config(5, 1e-3, "none");
        same.put("data", dir.toAbsolutePath() + "/./x/../ds");
        assertDoesNotThrow(() -> ResumeCheck.check(dir, same));
        Map<String, Object> other = config(5, 1e-3, "none");
        other.put("data", dir.toAbsolutePath() + "/other-ds");
        LowMagException e =
                assertThrows(LowMagException.class, () -> ResumeCheck.check(dir, other));
        assertTrue(e.getMessage().contains("data was"), e::getMessage);
    }

    @Test
    void noConfigFileIsNotChecked(@TempDir Path dir) {
        assertDoesNotThrow(() -> ResumeCheck.check(dir, config(5, 1e-3, "none")));
    }
}
