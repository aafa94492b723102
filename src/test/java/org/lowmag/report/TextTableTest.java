package org.lowmag.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTableTest {

    private static TextTable paperLike() {
        return new TextTable("Metric", "Baseline", "KD")
                .row("Accuracy", "79.11 (77.74-80.54)", "81.31 (79.91-82.72)")
                .row("F1-Score", "55.72 (52.08-59.34)", "n/a");
    }

    @Test
    void textAlignsNumbersRight() {
        String text = new TextTable("name", "n").row("a", 5).row("bbb", 123).toText();
        assertEquals("name  n\n---------\na       5\nbbb   123\n", text);
    }

    @Test
    void marksBestPerRowInMarkdown() {
        TextTable t = paperLike();
        t.markBestInRow(0, 1, true).markBestInRow(1, 1, true);
        assertTrue(t.isEmphasized(0, 2));
        assertFalse(t.isEmphasized(0, 1));
        assertTrue(t.isEmphasized(1, 1), "the only number in the row is the best");
        assertEquals(
                "| Metric   | Baseline                | KD                      |\n"
                        + "|----------|------------------------:|------------------------:|\n"
                        + "| Accuracy |     79.11 (77.74-80.54) | **81.31 (79.91-82.72)** |\n"
                        + "| F1-Score | **55.72 (52.08-59.34)** | n/a                     |\n",
                t.toMarkdown());
        assertTrue(t.toText().contains("81.31 (79.91-82.72) *"));
    }

    @Test
    void marksBestPerColumnWithTiesAndMinimum() {
        TextTable t =
                new TextTable("model", "loss").row("a", "0.5").row("b", "0.25").row("c", "0.25");
        t.markBestInColumn(1, false);
        assertFalse(t.isEmphasized(0, 1));
        assertTrue(t.isEmphasized(1, 1));
        assertTrue(t.isEmphasized(2, 1));
    }

    @Test
    void leadingNumbers() {
        assertEquals(87.06, TextTable.leadingNumber("87.06 (85.65-88.48)"));
        assertEquals(-1.5e-3, TextTable.leadingNumber("-1.5e-3"));
        assertTrue(Double.isNaN(TextTable.leadingNumber("n/a")));
        assertTrue(TextTable.isNumeric("87.06 (85.65-88.48)"));
        assertTrue(TextTable.isNumeric("2.5x"));
        assertFalse(TextTable.isNumeric("kd (2.5x)"));
    }

    @Test
    void escapesPipesInMarkdown() {
        assertTrue(new TextTable("a|b").row("x|y").toMarkdown().contains("x\\|y"));
    }

    @Test
    void rejectsWrongRowLengthAndCell() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("a", "b").row("x"));
        assertThrows(IndexOutOfBoundsException.class, () -> new TextTable("a").emphasize(0, 0));
    }
}
