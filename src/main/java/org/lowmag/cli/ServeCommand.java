package org.lowmag.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lowmag.serve.ServeConfig;
import org.lowmag.serve.SlideServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lowmag serve}: look at slides and their predictions in a browser. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve slides and predictions to a browser: a slide list (thumbnail, predicted label"
                    + " and probabilities, truth, tissues, model, magnification; sortable,"
                    + " filterable) and a viewer per slide (OpenSeadragon over tiles read from"
                    + " the pyramid on demand, tissue outlines coloured by predicted class,"
                    + " per-class heatmaps, a scale bar), with a JSON API (docs/serve.md).",
            "",
            "Only the slides in the given folders are served, on 127.0.0.1 (this machine) unless"
                    + " --host says otherwise. Ctrl-C stops the server.",
        })
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--predictions",
            paramLabel = "DIR",
            description =
                    "A folder of 'lowmag predict' outputs (its --out: SLIDE.json, SLIDE.geojson,"
                            + " heatmaps); repeatable.")
    List<Path> predictions = new ArrayList<>();

    @Option(
            names = "--slides",
            paramLabel = "DIR",
            description =
                    "A folder of slides (searched recursively); repeatable. When given, only slides"
                            + " under these folders are served; otherwise those the predictions"
                            + " name.")
    List<Path> slides = new ArrayList<>();

    @Option(
            names = "--labels",
            paramLabel = "CSV",
            description = "Known slide labels (slide,patient,label CSV), shown as the truth.")
    Path labels;

    @Option(
            names = "--host",
            defaultValue = ServeConfig.DEFAULT_HOST,
            paramLabel = "ADDRESS",
            description =
                    "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0"
                            + " opens it to the network, without authentication).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "N",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--cache-mb",
            defaultValue = "256",
            paramLabel = "MB",
            description = "Memory for cached tiles, MiB (default: ${DEFAULT-VALUE}).")
    long cacheMb;

    @Override
    public Integer call() throws Exception {
        if (cacheMb < 0 || cacheMb > (1L << 20)) {
            throw new UsageException("--cache-mb must be in 0..1048576, got " + cacheMb);
        }
        ServeConfig config =
                UsageException.fromFlags(
                        () -> {
                            ServeConfig d = ServeConfig.defaults(predictions, slides);
                            return new ServeConfig(
                                    predictions,
                                    slides,
                                    Optional.ofNullable(labels),
                                    host,
                                    port,
                                    cacheMb << 20,
                                    d.maxOpenSlides(),
                                    d.maxConcurrentRenders());
                        });
        // a missing folder, an unknown host or a port in use: the flags' fault
        SlideServer server = UsageException.fromFlags(() -> SlideServer.start(config));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stopped.countDown();
                                },
                                "lowmag-serve-stop"));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        System.out.printf(
                "LowMag serve: %d slides at http://%s:%d/ (Ctrl-C stops)%n",
                server.catalog().entries().size(), shown, server.port());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
