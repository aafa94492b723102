package org.lowmag.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser (Debian's chromium and chromium-driver, headless), over the synthetic
 * fixture: the list, the viewer drawing tiles, the heatmap and outlines toggled, no console errors.
 * Screenshots go to {@code target/serve-screenshots/}. Skipped when chromium or chromedriver is not
 * installed.
 */
class ServeBrowserTest {

    private static final Path SHOTS = Path.of("target", "serve-screenshots");

    @TempDir static Path tmp;

    static SlideServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = onPath("chromedriver");
        assumeTrue(
                chromium.isPresent() && chromedriver.isPresent(),
                "chromium and chromedriver are not installed (apt-get install chromium"
                        + " chromium-driver)");
        Path root = ServeFixture.build(tmp.resolve("served"));
        server =
                SlideServer.start(
                        ServeConfig.defaults(List.of(root.resolve("predictions")), List.of())
                                .at("127.0.0.1", 0));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(chromedriver.get().toFile())
                        .build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            Optional<Path> p =
                    Arrays.stream(path.split(java.io.File.pathSeparator))
                            .map(d -> Path.of(d, name))
                            .filter(Files::isExecutable)
                            .findFirst();
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static byte[] shot(WebElement e, String name) throws IOException {
        byte[] png = e.getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
        return png;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @Test
    void showsTheListAndTheViewerWithItsOverlays() throws Exception {
        driver.get(url("/"));
        waiting().until(d -> "true".equals(js("return document.body.dataset.loaded || ''")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#slides tbody tr"));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getText().contains("carcinoma"));
        waiting()
                .until(
                        d ->
                                Boolean.TRUE.equals(
                                        js(
                                                "const i = document.querySelector('td img'); return i.complete && i.naturalWidth > 0")));
        shot(driver.findElement(By.tagName("body")), "1-list");

        rows.get(0).findElement(By.linkText("slide-a")).click();
        waiting()
                .until(
                        d ->
                                Boolean.TRUE.equals(
                                        js(
                                                "return !!(window.lowmag && window.lowmag.ready && window.lowmag.outlinesDrawn && window.lowmag.heatmapLoaded)")));
        Thread.sleep(1000); // let the last animation settle
        WebElement osd = driver.findElement(By.id("osd"));
        long tiles = (Long) js("return window.lowmag.tilesLoaded");
        assertTrue(tiles > 0, "OpenSeadragon drew tiles");
        byte[] plain = shot(osd, "2-viewer-outlines");

        driver.findElement(By.id("heatmap")).click();
        Thread.sleep(800);
        byte[] withHeat = shot(osd, "3-viewer-heatmap");
        assertFalse(Arrays.equals(plain, withHeat), "the heatmap changed the viewer");

        driver.findElement(By.id("outlines")).click();
        Thread.sleep(500);
        byte[] noOutlines = shot(osd, "4-viewer-heatmap-no-outlines");
        assertFalse(Arrays.equals(withHeat, noOutlines), "hiding the outlines changed the viewer");
        String scale = driver.findElement(By.cssSelector("#scalebar .text")).getText();
        assertTrue(scale.matches("[0-9.]+ (\u00b5m|mm)"), scale);
        shot(driver.findElement(By.tagName("body")), "5-viewer-page");

        List<LogEntry> errors =
                driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                        .toList();
        assertTrue(errors.isEmpty(), "browser console errors: " + errors);
    }
}
