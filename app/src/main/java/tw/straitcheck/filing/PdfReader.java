package tw.straitcheck.filing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Messages;

/**
 * Reads uploaded PDFs on a pool of its own ({@code straitcheck.uploads.pdf.threads}, a bounded
 * queue): however many files arrive at once, at most that many are read at a time, so uploads
 * cannot take every core from the checks and the event loop. Each read is bounded by
 * {@link PdfLimits}; a read that does not stop by itself within twice the timeout is abandoned and
 * refused as too slow.
 */
@Singleton
class PdfReader {

    private static final int QUEUE = 32;

    private final PdfLimits limits;
    private final ThreadPoolExecutor pool;

    PdfReader(PdfLimits limits) {
        this.limits = limits;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.threads, limits.threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "pdf-reader-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY - 1);
                    return t;
                });
    }

    PdfFiles.Read read(FilePart part, @Nullable String filename, byte[] content) {
        Future<PdfFiles.Read> reading;
        try {
            reading = pool.submit(() -> PdfFiles.read(part, filename, content, limits));
        } catch (RejectedExecutionException e) {
            throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, Messages.of("upload.busy"));
        }
        // queued behind others, a read may wait its turn: allow for the reads ahead of it
        long waitNanos = limits.timeout.toNanos() * (2 + (long) pool.getQueue().size() / limits.threads);
        try {
            return reading.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return PdfFiles.tooSlow(part, limits);
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            return PdfFiles.tooSlow(part, limits);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading a PDF failed", e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
