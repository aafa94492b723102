package org.lowmag.slide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs numbered tasks in parallel (the caller's fork-join pool, else the common pool) and returns
 * only when every one has ended, also when one fails: a reader's {@code close()} waits for the read
 * that called this, so no task may still be reading once it returns (a parallel stream returns as
 * soon as one task throws, leaving the others inside OpenSlide while the slide is closed under
 * them). After a failure, tasks that have not started yet skip their work; the first failure is
 * rethrown.
 */
final class BlockTasks {

    /** One numbered task. */
    interface Task {
        /**
         * @param index the task's number, {@code 0 .. count - 1}
         * @throws IOException when it fails
         */
        void run(int index) throws IOException;
    }

    private BlockTasks() {}

    /**
     * @param count the number of tasks
     * @param task what each does
     * @throws IOException the first task's failure
     */
    static void runAll(int count, Task task) throws IOException {
        if (count == 1) {
            task.run(0);
            return;
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<ForkJoinTask<?>> forked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            forked.add(ForkJoinTask.adapt(() -> runOne(task, index, failure)).fork());
        }
        for (ForkJoinTask<?> f : forked) {
            f.join();
        }
        rethrow(failure.get());
    }

    private static void runOne(Task task, int index, AtomicReference<Throwable> failure) {
        if (failure.get() != null) {
            return;
        }
        try {
            task.run(index);
        } catch (IOException | RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof UncheckedIOException e) {
            throw e.getCause();
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) t;
    }
}
