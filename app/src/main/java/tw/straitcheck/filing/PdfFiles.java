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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
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

    static Read read(FilePart part, @Nullable String filename, byte[] content) {
        if (content.length > MAX_BYTES) {
            String size = megabytes(content.length);
            return refused(part, part.zh + "檔案為 " + size + "，超過 5 MB 上限；請壓縮或分割後重新上傳",
                    "the " + part.part + " is " + size + ", over the 5 MB limit; make it smaller and upload it again");
        }
        if (!startsWithMagic(content)) {
            return refused(part, part.zh + "須為 PDF 檔；上傳的檔案內容不是 PDF（僅改副檔名為 .pdf 不算）",
                    "the " + part.part + " must be a PDF; the file's content is not a PDF (renaming it to .pdf does not make it one)");
        }
        String text;
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.getNumberOfPages() == 0) {
                return refused(part, part.zh + " PDF 沒有任何頁面", "the " + part.part + " PDF has no pages");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            text = storable(stripper.getText(document));
        } catch (InvalidPasswordException e) {
            return refused(part, part.zh + " PDF 設有開啟密碼，請移除密碼後重新上傳",
                    "the " + part.part + " PDF is password-protected; remove the password and upload it again");
        } catch (IOException | RuntimeException e) {
            // PDFBox reports a damaged file as an IOException, and some malformed structures as runtime errors.
            return refused(part, part.zh + " PDF 檔已損毀，無法讀取，請重新產生後上傳",
                    "the " + part.part + " PDF is damaged and cannot be read; produce it again and upload it");
        }
        return new Accepted(new Upload(part.textField, cleanFilename(filename, part), CONTENT_TYPE, content,
                sha256(content), text));
    }

    private static Refused refused(FilePart part, String zh, String en) {
        return new Refused(new FieldError(part.part, zh, en));
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
