package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.eval.Bootstrap;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.eval.BootstrapConfig.Unit;
import org.lowmag.util.Json;

/** When an existing metrics.json may be reused: only with the experiment's bootstrap. */
class EvaluationCheckTest {

    private static final List<String> AB = List.of("a", "b");
    private static final BootstrapConfig GROUP = new BootstrapConfig(200, 0.95, 0, Unit.GROUP);

    /** A metrics.json tree as the evaluation writes it. */
    private static JsonObject metrics(BootstrapConfig b) {
        String[] groups = {"x", "x", "y", "z"};
        Map<String, Object> tree =
                new Bootstrap(b, 1)
                        .evaluate(new int[] {0, 1, 1, 0}, new int[] {0, 1, 0, 0}, AB, groups)
                        .toJsonTree();
        return JsonParser.parseString(Json.toJson(tree)).getAsJsonObject();
    }

    @Test
    void theSameBootstrapIsReused() {
        assertEquals(Optional.empty(), EvaluationCheck.difference(metrics(GROUP), GROUP));
        BootstrapConfig tissue = GROUP.withUnit(Unit.TISSUE);
        assertEquals(Optional.empty(), EvaluationCheck.difference(metrics(tissue), tissue));
    }

    @Test
    void anotherUnitIterationsSeedOrLevelIsNot() {
        BootstrapConfig tissue = GROUP.withUnit(Unit.TISSUE);
        assertEquals(
                Optional.of("bootstrap unit tissue instead of group"),
                EvaluationCheck.difference(metrics(tissue), GROUP));
        assertEquals(
                Optional.of("bootstrap unit group instead of tissue"),
                EvaluationCheck.difference(metrics(GROUP), tissue));
        String d =
                EvaluationCheck.difference(
                                metrics(new BootstrapConfig(100, 0.9, 3, Unit.GROUP)), GROUP)
                        .orElseThrow();
        assertEquals(
                "bootstrap iterations 100 instead of 200; bootstrap seed 3 instead of 0;"
                        + " bootstrap level 0.9 instead of 0.95",
                d);
    }

    /** Files written before the unit existed resampled tissues: reused for tissue, not group. */
    @Test
    void aFileWithoutUnitCountsAsTissue() {
        BootstrapConfig tissue = GROUP.withUnit(Unit.TISSUE);
        JsonObject old = metrics(tissue);
        old.getAsJsonObject("bootstrap").remove("unit");
        assertEquals(Optional.empty(), EvaluationCheck.difference(old, tissue));
        assertEquals(
                Optional.of("bootstrap unit tissue instead of group"),
                EvaluationCheck.difference(old, GROUP));
        JsonObject none = metrics(tissue);
        none.remove("bootstrap");
        assertEquals(
                Optional.of("it records no bootstrap settings"),
                EvaluationCheck.difference(none, tissue));
        JsonObject bad = metrics(tissue);
        bad.getAsJsonObject("bootstrap").add("level", new JsonObject());
        assertTrue(
                EvaluationCheck.difference(bad, tissue).orElseThrow().contains("cannot be read"));
    }

    @Test
    void readsTheFile(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("metrics.json");
        Json.write(f, metrics(GROUP));
        assertEquals(Optional.empty(), EvaluationCheck.difference(f, GROUP));
        Files.writeString(f, "{not json");
        assertThrows(IOException.class, () -> EvaluationCheck.difference(f, GROUP));
    }
}
