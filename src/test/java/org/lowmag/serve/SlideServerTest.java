package org.lowmag.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over synthetic slides: the API, the security model, bursts and a corrupt slide. */
class SlideServerTest {

    @TempDir static Path tmp;

    static SlideServer server;
    static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        Path root = ServeFixture.build(tmp.resolve("served"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.copy(root.resolve("slides/slide-b.svs"), outside.resolve("secret.svs"));
        Files.createSymbolicLink(
                root.resolve("slides/link-out.svs"), outside.resolve("secret.svs"));
        ServeConfig d =
                ServeConfig.defaults(
                        List.of(root.resolve("predictions")), List.of(root.resolve("slides")));
        server =
                SlideServer.start(
                        new ServeConfig(
                                d.predictionDirs(),
                                d.slideDirs(),
                                Optional.empty(),
                                "127.0.0.1",
                                0,
                                8L << 20,
                                4,
                                2));
        http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonObject json(HttpResponse<byte[]> r) {
        return JsonParser.parseString(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    @Test
    void listsThePredictedSlideFirstThenTheOtherSlidesButNotTheLinkOut() throws Exception {
        HttpResponse<byte[]> r = get("/api/slides");
        assertEquals(200, r.statusCode());
        List<String> ids = new ArrayList<>();
        json(r).getAsJsonArray("slides")
                .forEach(s -> ids.add(s.getAsJsonObject().get("id").getAsString()));
        assertEquals(List.of("slide-a", "broken", "slide-b"), ids);
        JsonObject a = json(r).getAsJsonArray("slides").get(0).getAsJsonObject();
        assertEquals("carcinoma", a.get("label").getAsString());
        assertEquals("carcinoma", a.get("truth").getAsString());
        assertEquals(2, a.getAsJsonArray("heatmap_classes").size());
    }

    @Test
    void servesTheDziAndTilesOfEachLevel() throws Exception {
        HttpResponse<byte[]> dzi = get("/api/slides/slide-a/slide.dzi");
        assertEquals(200, dzi.statusCode());
        assertTrue(new String(dzi.body()).contains("Width=\"2400\" Height=\"1800\""));
        for (int level : new int[] {0, 8, 12}) {
            HttpResponse<byte[]> t = get("/api/slides/slide-a/slide_files/" + level + "/0_0.jpg");
            assertEquals(200, t.statusCode(), "level " + level);
            assertEquals("image/jpeg", t.headers().firstValue("content-type").orElse(""));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(t.body()));
            int expected =
                    level == 12
                            ? 256
                            : (int) Math.min(256, Math.ceil(2400 / Math.pow(2, 12 - level)));
            assertEquals(expected, img.getWidth(), "level " + level);
        }
        // the last column at full resolution: 2400 - 9 * 256 = 96 pixels wide
        BufferedImage edge =
                ImageIO.read(
                        new ByteArrayInputStream(
                                get("/api/slides/slide-a/slide_files/12/9_7.jpg").body()));
        assertEquals(96, edge.getWidth());
        assertEquals(1800 - 7 * 256, edge.getHeight());
    }

    @Test
    void givesTheMetadataTheOutlinesAndATransparentHeatmap() throws Exception {
        JsonObject d = json(get("/api/slides/slide-a"));
        assertEquals(1.0, d.getAsJsonObject("slide").get("mpp_x").getAsDouble(), 1e-9);
        assertEquals(200, get("/api/slides/slide-a/outlines").statusCode());
        HttpResponse<byte[]> h = get("/api/slides/slide-a/heatmaps/carcinoma");
        assertEquals(200, h.statusCode());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(h.body()));
        double ds = 2400.0 / img.getWidth();
        int inside = img.getRGB((int) (1000 / ds), (int) (800 / ds));
        int outside = img.getRGB(5, 5);
        assertEquals(0xFF, inside >>> 24, "tissue is opaque");
        assertEquals(0, outside >>> 24, "background is transparent");
        assertEquals(404, get("/api/slides/slide-b/heatmaps/carcinoma").statusCode());
        assertEquals(404, get("/api/slides/slide-a/heatmaps/nonsense").statusCode());
    }

    @Test
    void answersUnknownSlidesAndPathsOutsideTheFoldersWith404Json() throws Exception {
        String secret = tmp.resolve("outside/secret.svs").toString();
        List<String> paths =
                List.of(
                        "/api/slides/nope",
                        "/api/slides/link-out",
                        "/api/slides/link-out/slide.dzi",
                        "/api/slides/../../etc/passwd",
                        "/api/slides/%2e%2e/%2e%2e/etc/passwd",
                        "/api/slides/%2e%2e",
                        "/api/slides/..%2f..%2fetc%2fpasswd/slide.dzi",
                        "/api/slides/%2Fetc%2Fpasswd/thumbnail",
                        "/api/slides/" + secret.replace("/", "%2F") + "/slide.dzi",
                        "/api/slides/slide-a/heatmaps/..%2f..%2fslides%2fslide-b.svs",
                        "/api/slides/slide-a/slide_files/12/..%2f..%2f..%2fslide-a.json",
                        "/static/..%2f..%2fSlideServer.class",
                        "/static/%2e%2e/org/lowmag/serve/SlideServer.class",
                        "/slides/..%2f..%2fetc%2fpasswd",
                        "/etc/passwd");
        for (String p : paths) {
            HttpResponse<byte[]> r = get(p);
            assertEquals(404, r.statusCode(), p);
            assertTrue(
                    r.headers()
                            .firstValue("content-type")
                            .orElse("")
                            .startsWith("application/json"),
                    p);
            assertTrue(json(r).has("error"), p);
        }
    }

    @Test
    void aPathClimbingAboveTheRootIsNotFoundLikeAnyOtherPathOutside() throws Exception {
        for (String p :
                new String[] {
                    "/api/slides/../../../etc/passwd",
                    "/api/slides/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                    "/../../etc/passwd",
                    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd"
                }) {
            HttpResponse<byte[]> r = get(p);
            String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(404, r.statusCode(), p + " " + body + r.headers().map());
            assertFalse(body.contains("root:"), p);
            assertTrue(json(r).has("error"), p);
        }
    }

    @Test
    void aCorruptSlideGivesAnErrorTileAndAMessageAndTheServerGoesOn() throws Exception {
        JsonObject d = json(get("/api/slides/broken"));
        assertTrue(d.get("error").getAsString().startsWith("cannot read slide"), d.toString());
        HttpResponse<byte[]> dzi = get("/api/slides/broken/slide.dzi");
        assertEquals(500, dzi.statusCode());
        HttpResponse<byte[]> thumb = get("/api/slides/broken/thumbnail");
        assertEquals(200, thumb.statusCode());
        assertTrue(thumb.headers().firstValue("x-lowmag-error").isPresent());
        assertTrue(ImageIO.read(new ByteArrayInputStream(thumb.body())).getWidth() > 0);
        assertEquals(200, get("/api/slides/slide-a/slide_files/12/1_1.jpg").statusCode());
        assertEquals("ok", json(get("/api/health")).get("status").getAsString());
    }

    @Test
    void survivesABurstOf500ConcurrentTileRequestsWithinItsCache() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int level = 9 + i % 4;
                DeepZoomGeometry g = new DeepZoomGeometry(2400, 1800, 256);
                long col = (i / 4) % g.columns(level);
                long row = (i / 7) % g.rows(level);
                String p =
                        "/api/slides/slide-"
                                + (i % 2 == 0 ? "a" : "b")
                                + "/slide_files/"
                                + level
                                + "/"
                                + col
                                + "_"
                                + row
                                + ".jpg";
                all.add(CompletableFuture.supplyAsync(() -> status(p), pool));
            }
            long ok = all.stream().map(CompletableFuture::join).filter(s -> s == 200).count();
            assertEquals(500, ok, "every tile answered 200");
        } finally {
            pool.shutdownNow();
        }
        ByteCache c = server.tiles().cache();
        assertTrue(c.bytes() <= c.maxBytes(), c.bytes() + " cached bytes over the bound");
        assertFalse(c.size() == 0);
        assertEquals(200, get("/api/health").statusCode());
    }

    private static int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
