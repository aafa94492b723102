package org.lowmag.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler, except that a request whose path climbs above the root ({@code
 * /api/slides/../../../etc/passwd}, also with {@code %2e%2e}) is answered 404 with the server's
 * JSON error body, like every other path outside the served folders. Jetty refuses such a path
 * before any route sees it (its canonical path does not exist, the parser calls it a bad URI) with
 * 400; to a client probing for files, every path outside the folders must look the same: not found.
 * Every other error keeps Jetty's answer.
 */
final class OutsideRootErrorHandler extends ErrorHandler {

    private static final byte[] BODY =
            "{\"status\":404,\"error\":\"not found: the path climbs above the root\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (climbsAboveRoot(request)) {
            response.setStatus(404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.write(true, ByteBuffer.wrap(BODY), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /**
     * Jetty's parser throws {@code IllegalArgumentException("Bad URI")} for a path whose canonical
     * form climbs above the root, and then answers 400 for a request it renames {@code
     * /badMessage}; the original path is gone by then, only that cause says what happened.
     */
    private static boolean climbsAboveRoot(Request request) {
        return request.getAttribute(ERROR_STATUS) instanceof Integer s
                && s == 400
                && request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t
                && t.getCause() instanceof IllegalArgumentException cause
                && "Bad URI".equals(cause.getMessage());
    }
}
