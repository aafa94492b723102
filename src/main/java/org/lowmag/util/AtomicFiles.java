package org.lowmag.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes files so that a reader (or a crash) never sees a half-written one: the content goes to a
 * temporary sibling first, which is then renamed over the target in one atomic step.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** A writer of content into a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        /**
         * Writes the content.
         *
         * @param out the stream to write to (closed by the caller)
         * @throws IOException when writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Deletes the temporary files that writes killed midway left ({@code .NAME.N.tmp}). Call it
     * only while no other process writes into the folder (under its {@link FolderLock}).
     *
     * @param dir the folder
     * @param depth how many folder levels to search ({@code 1}: only {@code dir}'s files)
     * @return the files deleted, relative to {@code dir}
     * @throws IOException when the folder cannot be listed or a file deleted
     */
    public static List<Path> removeLeftovers(Path dir, int depth) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                    removed.add(dir.relativize(p));
                }
            }
        }
        return removed;
    }

    /**
     * Writes text atomically as UTF-8.
     *
     * @param target the file to create or replace
     * @param text the content
     * @throws IOException when the file cannot be written
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes a file atomically through a stream.
     *
     * @param target the file to create or replace
     * @param writer what writes the content
     * @throws IOException when the file cannot be written
     */
    public static void write(Path target, StreamWriter writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            makeReadable(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            moveAtomically(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Gives a temporary file or folder the usual permissions ({@code rw-r--r--}, folders {@code
     * rwxr-xr-x}) instead of the owner-only ones temporary files are created with.
     *
     * @param p the file or folder
     * @throws IOException when the permissions cannot be set
     */
    public static void makeReadable(Path p) throws IOException {
        if (!Files.getFileStore(p).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        String perms = Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--";
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    /**
     * Renames {@code source} over {@code target} atomically where the file system allows it.
     *
     * @param source the finished temporary file or folder
     * @param target its final name
     * @throws IOException when the rename fails
     */
    public static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(
                    source,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
