package org.lowmag.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.cli.spark.LowMagSpark;
import picocli.CommandLine;

/**
 * {@code lowmag-spark predict} with URIs on its command line and in a slide list: a {@code file://}
 * folder and a slide list whose entry is a {@code file://} URI (picocli's and the list's paths
 * would have made them local paths {@code file:/...}), each row naming its URI.
 */
class SparkUriCommandTest {

    @TempDir Path tmp;

    @Test
    void foldersAndSlideListsTakeUris() throws IOException {
        Path model = SparkFixtures.model(tmp.resolve("model"));
        List<Path> slides = SparkFixtures.slides(tmp.resolve("slides"), 2);
        Path list = tmp.resolve("list.csv");
        String second = slides.get(1).toAbsolutePath().toUri().toString();
        Files.writeString(list, "slide,mpp\n" + second + ",2.0\n");
        Path out = tmp.resolve("out");
        String folder = "file://" + tmp.resolve("slides").toAbsolutePath();
        int code =
                new CommandLine(new LowMagSpark())
                        .execute(
                                "predict",
                                "--master",
                                "local[2]",
                                "--model",
                                model.toString(),
                                "--out",
                                out.toString(),
                                "--slide-cache-gib",
                                "0.5",
                                folder + "/slide-00.svs",
                                "--slide-list",
                                list.toString());
        assertEquals(0, code);
        List<String> csv = Files.readAllLines(out.resolve(ResultsTable.CSV));
        assertEquals(3, csv.size(), csv.toString());
        assertTrue(csv.get(1).startsWith(folder + "/slide-00.svs,"), csv.get(1));
        assertTrue(csv.get(2).startsWith(second + ","), csv.get(2));
        assertTrue(csv.get(1).contains(",ok,") && csv.get(2).contains(",ok,"), csv.toString());
    }
}
