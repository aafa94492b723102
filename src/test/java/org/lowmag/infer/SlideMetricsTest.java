package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.eval.MetricsReport;
import org.lowmag.util.Json;

class SlideMetricsTest {

    static final List<String> CLASSES = List.of("a", "b");

    static SlideOutcome row(String name, SlideOutcome.Status status, String label, String truth) {
        return new SlideOutcome(
                Path.of(name + ".svs"),
                name,
                status,
                status == SlideOutcome.Status.FAILED ? "broken" : "",
                status == SlideOutcome.Status.FAILED ? "" : label,
                truth,
                new double[] {0.5, 0.5},
                1,
                0.1,
                "m");
    }

    /**
     * Judged slides s1..s4 (truth a, a, b, b; predicted a, b, b, b): confusion [[1, 1], [0, 2]],
     * exact accuracy 3/4; per class one-vs-rest: a: TP 1 FP 0 FN 1 -> precision 1, recall 1/2, F1
     * 2/3; b: TP 2 FP 1 FN 0 -> precision 2/3, recall 1, F1 4/5; macro F1 (2/3 + 4/5) / 2 = 11/15.
     * A failed slide and a slide without truth do not count.
     */
    @Test
    void metricsOverTheJudgedSlidesOnlyWithHandDerivedValues() {
        List<SlideOutcome> rows =
                List.of(
                        row("s1", SlideOutcome.Status.OK, "a", "a"),
                        row("s2", SlideOutcome.Status.OK, "b", "a"),
                        row("s3", SlideOutcome.Status.SKIPPED, "b", "b"),
                        row("s4", SlideOutcome.Status.OK, "b", "b"),
                        row("bad", SlideOutcome.Status.FAILED, "", "a"),
                        row("unknown", SlideOutcome.Status.OK, "a", ""));
        MetricsReport r = SlideMetrics.of(rows, CLASSES).orElseThrow();
        assertEquals(4, r.confusion().total());
        assertEquals(1, r.confusion().count(0, 0));
        assertEquals(1, r.confusion().count(0, 1));
        assertEquals(2, r.confusion().count(1, 1));
        assertEquals(0.75, r.exactAccuracy().value(), 1e-12);
        assertEquals(11.0 / 15, r.f1().value(), 1e-12);
        assertTrue(r.exactAccuracy().ciLow() < r.exactAccuracy().ciHigh(), "a CI from 4 slides");
    }

    @Test
    void writesTheFileAndRemovesAStaleOneWhenNothingIsJudged(@TempDir Path out) throws IOException {
        List<SlideOutcome> rows =
                List.of(
                        row("s1", SlideOutcome.Status.OK, "a", "a"),
                        row("s2", SlideOutcome.Status.OK, "b", "a"));
        assertTrue(SlideMetrics.write(out, rows, CLASSES).isPresent());
        JsonObject m = Json.readTree(out.resolve(SlideMetrics.FILE)).getAsJsonObject();
        assertEquals("slide", m.get("unit_of_analysis").getAsString());
        assertEquals(2, m.get("slides").getAsInt());
        assertEquals(0.5, m.getAsJsonObject("exact_accuracy").get("value").getAsDouble(), 1e-12);

        List<SlideOutcome> unjudged = List.of(row("s1", SlideOutcome.Status.OK, "a", ""));
        assertFalse(SlideMetrics.write(out, unjudged, CLASSES).isPresent());
        assertFalse(Files.exists(out.resolve(SlideMetrics.FILE)));
    }
}
