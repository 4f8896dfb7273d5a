package io.fullstackhelidon.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Races: calls released together on virtual threads, their answers collected, every wait with a deadline. */
public final class AtOnce {

    private AtOnce() {
    }

    /** {@code count} calls of {@code call(i)}, released together; their results, in order. */
    public static <T> List<T> run(int count, IntFunction<Callable<T>> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<T> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> task = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
        }
        return results;
    }

    /** The given calls, released together; their results, in order. */
    public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
        return run(calls.size(), calls::get);
    }
}
