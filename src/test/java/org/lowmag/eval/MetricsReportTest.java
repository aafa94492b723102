package org.lowmag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowmag.util.Json;

/** The JSON shape written by the evaluate command. */
class MetricsReportTest {

    @Test
    void serialisesToTheDocumentedShape() {
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] pred = {0, 0, 1, 1, 1, 2};
        MetricsReport r =
                new Bootstrap(new BootstrapConfig(500, 0.9, 77), 1)
                        .evaluate(truth, pred, List.of("normal", "celiac", "other"));
        JsonObject o = JsonParser.parseString(Json.toJson(r.toJsonTree())).getAsJsonObject();
        assertEquals(
                List.of(
                        "accuracy",
                        "f1",
                        "precision",
                        "recall",
                        "exact_accuracy",
                        "per_class",
                        "confusion",
                        "bootstrap"),
                List.copyOf(o.keySet()));
        JsonObject acc = o.getAsJsonObject("accuracy");
        assertEquals(List.of("value", "ci_low", "ci_high"), List.copyOf(acc.keySet()));
        assertEquals(r.accuracy().value(), acc.get("value").getAsDouble());
        assertEquals(r.accuracy().ciLow(), acc.get("ci_low").getAsDouble());
        assertEquals(5.0 / 6, o.getAsJsonObject("exact_accuracy").get("value").getAsDouble());

        JsonObject perClass = o.getAsJsonObject("per_class");
        assertEquals(List.of("normal", "celiac", "other"), List.copyOf(perClass.keySet()));
        JsonObject normal = perClass.getAsJsonObject("normal");
        assertEquals(
                List.of("precision", "recall", "f1", "accuracy", "support"),
                List.copyOf(normal.keySet()));
        assertEquals(2.0 / 3, normal.getAsJsonObject("recall").get("value").getAsDouble());
        assertEquals(3.0, normal.getAsJsonObject("support").get("value").getAsDouble());

        JsonObject confusion = o.getAsJsonObject("confusion");
        assertEquals("[\"normal\",\"celiac\",\"other\"]", confusion.get("classes").toString());
        assertEquals("[[2,1,0],[0,2,0],[0,0,1]]", confusion.get("matrix").toString());

        JsonObject boot = o.getAsJsonObject("bootstrap");
        assertEquals("percentile", boot.get("method").getAsString());
        assertEquals(500, boot.get("iterations").getAsInt());
        assertEquals(77, boot.get("seed").getAsLong());
        assertEquals(0.9, boot.get("level").getAsDouble());
        assertEquals("tissue", boot.get("unit").getAsString());
        assertEquals(
                List.of("method", "iterations", "seed", "level", "unit"),
                List.copyOf(boot.keySet()),
                "no group count for the tissue unit");
    }
}
