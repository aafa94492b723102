package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.DatasetInfo;
import org.lowmag.dataset.ManifestCsv;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.util.Json;
import picocli.CommandLine;

/** The experiment command's exit codes and messages, and a report with nothing run yet. */
class ExperimentCommandTest {

    @TempDir Path tmp;

    private String run(int expectedCode, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = LowMag.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(expectedCode, cl.execute(args), err.toString());
        return err.toString();
    }

    private Path config(String yaml) throws IOException {
        Path f = tmp.resolve("e.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    /** A dataset with one labelled test tissue per class and no images (the report reads none). */
    private void dataset(Path dir) throws IOException {
        dataset(dir, "g3");
    }

    /** The same with this group for the test tissue. */
    private void dataset(Path dir, String testGroup) throws IOException {
        Map<String, TissueRecord.TissueImage> img =
                Map.of(
                        "10", new TissueRecord.TissueImage("a.png", 32, 32),
                        "2.5", new TissueRecord.TissueImage("b.png", 8, 8));
        ManifestCsv.write(
                dir.resolve("manifest.csv"),
                List.of(
                        new TissueRecord("t1", "s", "g1", "a", "train", img),
                        new TissueRecord("t2", "s", "g2", "b", "val", img),
                        new TissueRecord("t3", "s", testGroup, "a", "test", img)),
                List.of(10.0, 2.5));
        Json.write(
                dir.resolve("dataset.json"),
                new DatasetInfo(
                        1,
                        List.of("a", "b"),
                        List.of(10.0, 2.5),
                        10.0,
                        Map.of(),
                        0,
                        List.of(70, 15, 15),
                        List.of("images:/somewhere"),
                        Map.of()));
    }

    @Test
    void badKeysAreUsageErrorsNamingTheKey() throws IOException {
        Path f = config("dataset: ds\nteacher_mag: 10\nstudent_mags: [20]\n");
        String err = run(2, "experiment", f.toString(), "--out", tmp.resolve("o").toString());
        assertTrue(err.contains("student_mags: 20x is not below teacher_mag 10x"), err);
        f = config("dataset: ds\nteacher_mag: 10\nstudent_mags: [2.5]\narms: [kd, distill]\n");
        err = run(2, "experiment", f.toString(), "--out", tmp.resolve("o").toString());
        assertTrue(err.contains("arms: unknown arm 'distill'"), err);
        f = config("dataset: ds\nteacher_mag: 10\nstudent_mags: [2.5]\nbootstrap_unit: slide\n");
        err = run(2, "experiment", f.toString(), "--out", tmp.resolve("o").toString());
        assertTrue(err.contains("bootstrap_unit: 'slide' is not a bootstrap unit"), err);
    }

    @Test
    void theGroupUnitNeedsAGroupPerTestTissueBeforeAnyRun() throws IOException {
        dataset(tmp.resolve("ds"), "");
        Path f =
                config(
                        "dataset: ds\nteacher_mag: 10\nstudent_mags: [2.5]\nbootstrap_unit: group\n");
        String err = run(1, "experiment", f.toString(), "--out", tmp.resolve("o").toString());
        assertTrue(
                err.contains(
                        "bootstrap_unit: group resamples the test split by group, but tissue t3"),
                err);
        assertTrue(err.contains("use bootstrap_unit: tissue"), err);
        assertFalse(Files.exists(tmp.resolve("o/runs")));
    }

    @Test
    void badFoldsAreErrorsNamingTheKeyBeforeAnyRun() throws IOException {
        dataset(tmp.resolve("ds"));
        String base = "dataset: ds\nteacher_mag: 10\nstudent_mags: [2.5]\n";
        String err =
                run(
                        2,
                        "experiment",
                        config(base + "folds: 1\n").toString(),
                        "--out",
                        tmp.resolve("o1").toString());
        assertTrue(err.contains("folds: must be at least 2"), err);
        Path out = tmp.resolve("o");
        err = run(1, "experiment", config(base + "folds: 2\n").toString(), "--out", out.toString());
        assertTrue(
                err.contains("folds: 2 folds need more groups: class 'b' has 1 labelled group"),
                err);
        assertTrue(err.contains("these groups allow no folds"), err);
        assertFalse(Files.exists(out.resolve("runs")));
        assertFalse(Files.exists(out.resolve("folds")));
    }

    @Test
    void theHelpExplainsFolds() {
        StringWriter help = new StringWriter();
        CommandLine cl = LowMag.newCommandLine();
        cl.setOut(new PrintWriter(help, true));
        assertEquals(0, cl.execute("experiment", "--help"));
        String text = help.toString().replaceAll("\\s+", " ");
        assertTrue(text.contains("With 'folds: K' (small datasets)"), text);
        assertTrue(text.contains("pooled out-of-fold predictions"), text);
    }

    @Test
    void aMissingDatasetFailsBeforeAnyRun() throws IOException {
        Path f = config("dataset: nowhere\nteacher_mag: 10\nstudent_mags: [2.5]\n");
        String err = run(1, "experiment", f.toString(), "--out", tmp.resolve("o").toString());
        assertTrue(err.contains("dataset: ") && err.contains("dataset.json is missing"), err);
        assertFalse(Files.exists(tmp.resolve("o/runs")));
    }

    @Test
    void aSplitWithoutTissuesIsNamed() throws IOException {
        dataset(tmp.resolve("ds"));
        Path f = config("dataset: ds\nteacher_mag: 10\nstudent_mags: [2.5]\nkd_splits: [trian]\n");
        String err = run(1, "experiment", f.toString(), "--out", tmp.resolve("o").toString());
        assertTrue(err.contains("kd_splits: split 'trian' has no tissues"), err);
    }

    @Test
    void reportOnlyWithNothingFinished() throws IOException {
        dataset(tmp.resolve("ds"));
        Path f = config("dataset: ds\nteacher_mag: 10\nstudent_mags: [2.5]\n");
        Path out = tmp.resolve("o");
        run(0, "experiment", f.toString(), "--out", out.toString(), "--report-only");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("0 of 3 runs finished, 0 evaluated"), md);
        assertTrue(md.contains("The teacher is not evaluated yet."), md);
        assertTrue(md.contains("| test  | 1 | 0 |     1 |"), md);
        assertFalse(md.contains("SYNTHETIC"), md);
        assertFalse(Files.exists(out.resolve("accuracy_vs_gflops.png")));
        assertEquals(1, Files.readAllLines(out.resolve("results.csv")).size(), "header only");
        assertTrue(md.contains("(10000 resamples of the test tissues, seed 0)"), md);
    }

    @Test
    void reportOnlyNamesTheGroups() throws IOException {
        dataset(tmp.resolve("ds"));
        Path f =
                config(
                        "dataset: ds\nteacher_mag: 10\nstudent_mags: [2.5]\nbootstrap_unit: group\n");
        Path out = tmp.resolve("o");
        run(0, "experiment", f.toString(), "--out", out.toString(), "--report-only");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("10000 resamples of the test split's 1 group (the manifest's"), md);
        assertTrue(md.contains("| bootstrap_unit "), md);
    }
}
