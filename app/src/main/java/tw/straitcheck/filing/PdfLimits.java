package tw.straitcheck.filing;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How much work one uploaded PDF may cost (application.yml, {@code straitcheck.uploads.pdf}): its
 * pages, the bytes its page contents decompress to, the characters extracted, and the time. The
 * defaults are generous for a real itinerary (a few pages, a few thousand characters) and stop a
 * file that is small on the wire but huge inside: a 51 KB text stream expanding to 30 MB, a 9 KB
 * file of 5 million characters, one 100 MB stream shared by 100 pages.
 */
@Singleton
final class PdfLimits {

    final int maxPages;
    final int maxTextChars;
    final long maxDecompressedBytes;
    final Duration timeout;
    final int threads;

    PdfLimits(@Value("${straitcheck.uploads.pdf.max-pages:300}") int maxPages,
            @Value("${straitcheck.uploads.pdf.max-text-chars:200000}") int maxTextChars,
            @Value("${straitcheck.uploads.pdf.max-decompressed-bytes:16777216}") long maxDecompressedBytes,
            @Value("${straitcheck.uploads.pdf.timeout:20s}") Duration timeout,
            @Value("${straitcheck.uploads.pdf.threads:2}") int threads) {
        if (maxPages < 1 || maxTextChars < 1 || maxDecompressedBytes < 1 || timeout.isNegative() || timeout.isZero()
                || threads < 1) {
            throw new IllegalArgumentException("straitcheck.uploads.pdf.* limits must be positive");
        }
        this.maxPages = maxPages;
        this.maxTextChars = maxTextChars;
        this.maxDecompressedBytes = maxDecompressedBytes;
        this.timeout = timeout;
        this.threads = threads;
    }
}
