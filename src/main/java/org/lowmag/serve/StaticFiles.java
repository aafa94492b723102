package org.lowmag.serve;

import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pages' static files, from the classpath folder {@code org/lowmag/serve/web}. Only the files
 * listed in its {@code files.txt} are served (a fixed list, so no request path reaches the class
 * loader unchecked).
 */
final class StaticFiles {

    private static final String ROOT = "/org/lowmag/serve/web/";

    private static final Map<String, String> TYPES =
            Map.of(
                    "js", "text/javascript; charset=utf-8",
                    "css", "text/css; charset=utf-8",
                    "html", "text/html; charset=utf-8",
                    "png", "image/png",
                    "txt", "text/plain; charset=utf-8",
                    "md", "text/plain; charset=utf-8");

    private final Set<String> files;

    StaticFiles() {
        try (InputStream in = open("files.txt");
                BufferedReader r =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            files =
                    r.lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web files' list", e);
        }
    }

    /**
     * @param name a file under the web folder
     * @return its contents
     * @throws IOException when it is missing from the jar
     */
    static InputStream open(String name) throws IOException {
        InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IOException("web file " + name + " missing from the classpath");
        }
        return in;
    }

    void serve(Context ctx, String name) throws IOException {
        if (!files.contains(name)) {
            SlideServer.notFound(ctx, "not found: /static/" + name);
            return;
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        try (InputStream in = open(name)) {
            ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "public, max-age=3600")
                    .result(in.readAllBytes());
        }
    }
}
