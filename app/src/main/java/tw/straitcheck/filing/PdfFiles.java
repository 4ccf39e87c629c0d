package tw.straitcheck.filing;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import tw.straitcheck.system.FieldError;

/**
 * Reads an uploaded file as a PDF: checked by its content, never by its name or declared type,
 * and its text extracted so that the check reads it like a typed-in field.
 */
final class PdfFiles {

    /** submission.md: "PDF only, at most 5 MB". */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    static final String CONTENT_TYPE = "application/pdf";

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private PdfFiles() {
    }

    /** What came of reading one file: the upload to keep, or why it is refused. */
    sealed interface Read {
    }

    record Accepted(Upload upload) implements Read {
    }

    record Refused(FieldError error) implements Read {
    }

    /** Reads the file within {@code limits}; refused (never thrown) when it is not a readable PDF or is over them. */
    static Read read(FilePart part, @Nullable String filename, byte[] content, PdfLimits limits) {
        if (content.length > MAX_BYTES) {
            String size = megabytes(content.length);
            return refused(part, "upload.too-large", size);
        }
        if (!startsWithMagic(content)) {
            return refused(part, "upload.not-pdf");
        }
        String text;
        long deadline = System.nanoTime() + limits.timeout.toNanos();
        try (PDDocument document = Loader.loadPDF(content, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.maxDecompressedBytes).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                return refused(part, "upload.no-pages");
            }
            if (pages > limits.maxPages) {
                return refused(part, "upload.too-many-pages", pages, limits.maxPages);
            }
            if (!PdfBounds.contentWithin(document, limits.maxDecompressedBytes, deadline)) {
                return refused(part, "upload.too-much-content", megabytes(limits.maxDecompressedBytes));
            }
            PdfBounds.Stripper stripper = new PdfBounds.Stripper(limits.maxTextChars, deadline);
            stripper.setLineSeparator("\n");
            text = storable(stripper.getText(document));
            if (text.codePointCount(0, text.length()) > limits.maxTextChars) {
                throw new PdfBounds.TooMuchText();
            }
        } catch (PdfBounds.TooMuchText e) {
            return refused(part, "upload.too-much-text", limits.maxTextChars);
        } catch (PdfBounds.TooSlow e) {
            return tooSlow(part, limits);
        } catch (InvalidPasswordException e) {
            return refused(part, "upload.password");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // PDFBox reports a damaged file as an IOException, and some malformed structures as runtime errors.
            return refused(part, "upload.damaged");
        }
        return new Accepted(new Upload(part.textField, cleanFilename(filename, part), CONTENT_TYPE, content,
                sha256(content), text));
    }

    static Refused tooSlow(FilePart part, PdfLimits limits) {
        return refused(part, "upload.too-slow", limits.timeout.toSeconds());
    }

    /** The part's error: the message {@code key} with the part's name as {@code {0}}, then {@code args}. */
    private static Refused refused(FilePart part, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = part.label();
        System.arraycopy(args, 0, all, 1, args.length);
        return new Refused(FieldError.of(part.part, key, all));
    }

    private static boolean startsWithMagic(byte[] content) {
        return content.length >= MAGIC.length && Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Rounded up, so a file just over the limit never reads as "5.00 MB". */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", Math.ceil(bytes * 100.0 / (1024 * 1024)) / 100);
    }

    /** PostgreSQL text and jsonb refuse NUL; the other control characters PDFs carry are noise to a reader. */
    static String storable(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").strip();
    }

    /** The name as the user saw it: browsers may send a whole Windows path. */
    static String cleanFilename(@Nullable String filename, FilePart part) {
        if (filename == null) {
            return part.defaultFilename();
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
            if (Character.isLowSurrogate(name.charAt(0))) {
                name = name.substring(1);
            }
        }
        return name.isEmpty() ? part.defaultFilename() : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
