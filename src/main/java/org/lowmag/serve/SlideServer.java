package org.lowmag.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.lowmag.infer.TruthLabels;
import org.lowmag.slide.SlideReaders;
import org.lowmag.util.Json;

/**
 * The HTTP server of {@code lowmag serve}: the pages, the static files and the JSON API ({@link
 * SlideApi}) over a {@link SlideCatalog} and a {@link TileService}. Routes are listed in {@code
 * docs/serve.md}. Every route that names a slide looks its id up in the catalog; an unknown id, an
 * unknown route or a tile outside the pyramid gives 404 with a JSON body.
 */
public final class SlideServer implements AutoCloseable {

    /** Jetty worker threads (requests in progress, rendering or waiting for a slot). */
    static final int MAX_THREADS = 48;

    /** Request attribute: the route already wrote a JSON error body. */
    private static final String ANSWERED = "lowmag.answered";

    private static final Pattern TILE = Pattern.compile("(\\d{1,9})_(\\d{1,9})\\.jpe?g");

    private final SlideCatalog catalog;
    private final TileService tiles;
    private final SlideApi api;
    private final StaticFiles staticFiles;
    private final Javalin app;

    private SlideServer(ServeConfig config, SlideCatalog catalog) {
        this.catalog = catalog;
        this.tiles =
                new TileService(
                        config.cacheBytes(),
                        config.maxOpenSlides(),
                        config.maxConcurrentRenders(),
                        SlideReaders::open);
        this.api = new SlideApi(catalog, tiles);
        this.staticFiles = new StaticFiles();
        this.app =
                Javalin.create(
                        c -> {
                            c.startup.showJavalinBanner = false;
                            c.startup.showOldJavalinVersionWarning = false;
                            c.jetty.host = config.host();
                            c.jetty.port = config.port();
                            c.jetty.threadPool = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
                            c.jetty.modifyServer(
                                    s -> s.setErrorHandler(new OutsideRootErrorHandler()));
                            routes(c.routes);
                        });
    }

    /**
     * Scans the folders and starts the server.
     *
     * @param config the configuration
     * @return the running server; close it to stop
     * @throws IOException when a folder cannot be read
     * @throws IllegalArgumentException when a folder is missing, the host unknown or the address
     *     cannot be bound (in use, not this machine's)
     */
    public static SlideServer start(ServeConfig config) throws IOException {
        try {
            InetAddress.getByName(config.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + config.host() + ": unknown host", e);
        }
        TruthLabels labels =
                config.labels().isPresent()
                        ? TruthLabels.read(config.labels().get())
                        : TruthLabels.none();
        SlideCatalog catalog =
                SlideCatalog.scan(config.predictionDirs(), config.slideDirs(), labels);
        SlideServer server = new SlideServer(config, catalog);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(
                    "cannot listen on "
                            + config.host()
                            + ":"
                            + config.port()
                            + ": "
                            + cause.getMessage()
                            + " (another --port or --host?)",
                    e);
        }
        return server;
    }

    private void routes(io.javalin.config.RoutesConfig r) {
        r.get("/", ctx -> page(ctx, "index.html"));
        r.get(
                "/slides/{id}",
                ctx -> {
                    if (catalog.find(ctx.pathParam("id")).isEmpty()) {
                        notFound(ctx, "no slide " + ctx.pathParam("id"));
                        return;
                    }
                    page(ctx, "viewer.html");
                });
        r.get("/static/<path>", ctx -> staticFiles.serve(ctx, ctx.pathParam("path")));
        r.get("/api/health", ctx -> json(ctx, api.health()));
        r.get("/api/slides", ctx -> json(ctx, api.list()));
        r.get("/api/slides/{id}", ctx -> withSlide(ctx, e -> json(ctx, api.detail(e))));
        r.get(
                "/api/slides/{id}/prediction",
                ctx ->
                        withSlide(
                                ctx,
                                e ->
                                        file(
                                                ctx,
                                                e.prediction().map(Prediction::json),
                                                "prediction")));
        r.get(
                "/api/slides/{id}/outlines",
                ctx ->
                        withSlide(
                                ctx,
                                e ->
                                        file(
                                                ctx,
                                                e.prediction().flatMap(Prediction::geoJson),
                                                "outlines")));
        r.get(
                "/api/slides/{id}/thumbnail",
                ctx -> withSlideFile(ctx, (e, s) -> image(ctx, tiles.thumbnail(s))));
        r.get("/api/slides/{id}/heatmaps/{cls}", this::heatmap);
        r.get("/api/slides/{id}/slide.dzi", this::dzi);
        r.get("/api/slides/{id}/slide_files/{level}/{tile}", this::tile);
        r.exception(TileService.Busy.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
        r.exception(IllegalArgumentException.class, (e, ctx) -> notFound(ctx, e.getMessage()));
        r.error(
                404,
                ctx -> {
                    if (ctx.attribute(ANSWERED) == null) {
                        notFound(ctx, "not found: " + ctx.path());
                    }
                });
    }

    /** What a route does with a catalog entry. */
    @FunctionalInterface
    private interface EntryRoute {
        void handle(SlideEntry e) throws Exception;
    }

    /** What a route does with an entry that has a slide file. */
    @FunctionalInterface
    private interface SlideRoute {
        void handle(SlideEntry e, Path slide) throws Exception;
    }

    private void withSlide(Context ctx, EntryRoute route) throws Exception {
        Optional<SlideEntry> e = catalog.find(ctx.pathParam("id"));
        if (e.isEmpty()) {
            notFound(ctx, "no slide " + ctx.pathParam("id"));
            return;
        }
        route.handle(e.get());
    }

    private void withSlideFile(Context ctx, SlideRoute route) throws Exception {
        withSlide(
                ctx,
                e -> {
                    if (e.slide().isEmpty()) {
                        notFound(ctx, "slide " + e.id() + " has no slide file: " + e.note());
                        return;
                    }
                    route.handle(e, e.slide().get());
                });
    }

    private void dzi(Context ctx) throws Exception {
        withSlideFile(
                ctx,
                (e, s) -> {
                    DeepZoomGeometry g;
                    try {
                        g = tiles.geometry(s);
                    } catch (IOException | RuntimeException ex) {
                        error(ctx, 500, "cannot read slide " + e.id() + ": " + ex.getMessage());
                        return;
                    }
                    ctx.contentType("application/xml").result(g.dziXml());
                });
    }

    private void tile(Context ctx) throws Exception {
        withSlideFile(
                ctx,
                (e, s) -> {
                    Matcher m = TILE.matcher(ctx.pathParam("tile"));
                    if (!m.matches() || !ctx.pathParam("level").matches("\\d{1,2}")) {
                        notFound(ctx, "no tile " + ctx.pathParam("tile"));
                        return;
                    }
                    image(
                            ctx,
                            tiles.tile(
                                    s,
                                    Integer.parseInt(ctx.pathParam("level")),
                                    Long.parseLong(m.group(1)),
                                    Long.parseLong(m.group(2))));
                });
    }

    private void heatmap(Context ctx) throws Exception {
        withSlide(
                ctx,
                e -> {
                    String cls = ctx.pathParam("cls");
                    Optional<Prediction> p = e.prediction();
                    if (p.isEmpty() || !p.get().heatmaps().containsKey(cls)) {
                        notFound(ctx, "slide " + e.id() + " has no heatmap for class " + cls);
                        return;
                    }
                    image(ctx, tiles.heatmap(e.slide().orElse(null), p.get(), cls));
                });
    }

    private static void image(Context ctx, TileService.Image img) {
        ctx.contentType(img.contentType());
        ctx.header("X-Content-Type-Options", "nosniff");
        if (img.error().isEmpty()) {
            ctx.header("Cache-Control", "private, max-age=600");
        } else {
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-LowMag-Error", img.error().replaceAll("[\\r\\n]", " "));
        }
        ctx.result(img.bytes());
    }

    private static void file(Context ctx, Optional<Path> file, String what) throws IOException {
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            notFound(ctx, "no " + what + " for slide " + ctx.pathParam("id"));
            return;
        }
        ctx.contentType("application/json").result(Files.readAllBytes(file.get()));
    }

    private static void page(Context ctx, String name) throws IOException {
        try (InputStream in = StaticFiles.open(name)) {
            ctx.contentType("text/html; charset=utf-8")
                    .result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static void json(Context ctx, Object value) {
        ctx.contentType("application/json").header("X-Content-Type-Options", "nosniff");
        ctx.result(Json.gson().toJson(value));
    }

    static void notFound(Context ctx, String message) {
        error(ctx, 404, message);
    }

    private static void error(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status);
        json(ctx, body);
    }

    /**
     * @return the port the server listens on
     */
    public int port() {
        return app.port();
    }

    /**
     * @return the slides it serves
     */
    public SlideCatalog catalog() {
        return catalog;
    }

    /**
     * @return its tile service (for statistics)
     */
    public TileService tiles() {
        return tiles;
    }

    @Override
    public void close() {
        app.stop();
        tiles.close();
    }
}
