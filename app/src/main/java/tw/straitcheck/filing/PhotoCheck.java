package tw.straitcheck.filing;

import io.micronaut.core.annotation.Nullable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import tw.straitcheck.records.ReportPhotos;
import tw.straitcheck.system.FieldError;

/**
 * Checks a results report's photo (RESULTS_SYSTEM 4-3 活動照片與說明) by its content: a JPEG or a PNG
 * by its first bytes, never by its name or declared type, that decodes; at most 5 MB; with a caption.
 * A picture of more than {@link #MAX_PIXELS} pixels is refused before it is decoded, so a small file
 * cannot make the service unpack a huge image.
 */
final class PhotoCheck {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_CAPTION = 100;
    static final long MAX_PIXELS = 50_000_000L;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PhotoCheck() {
    }

    /** The photo to keep, or the field errors that refuse it (its path is {@code photos[index]}). */
    record Checked(ReportPhotos.@Nullable NewPhoto photo, List<FieldError> errors) {
    }

    static Checked check(String path, @Nullable String filename, @Nullable byte[] content, @Nullable String caption) {
        List<FieldError> errors = new ArrayList<>();
        String text = caption == null ? "" : caption.strip();
        if (text.isEmpty()) {
            errors.add(FieldError.of(path + ".caption", "page.results.photo.caption-required"));
        } else if (text.codePointCount(0, text.length()) > MAX_CAPTION) {
            errors.add(FieldError.of(path + ".caption", "page.results.photo.caption-too-long", MAX_CAPTION));
        }
        if (content == null || content.length == 0) {
            errors.add(FieldError.of(path, "page.results.photo.missing"));
            return new Checked(null, errors);
        }
        if (content.length > MAX_BYTES) {
            errors.add(FieldError.of(path, "page.results.photo.too-large",
                    String.format("%.1f MB", content.length / 1024.0 / 1024.0)));
            return new Checked(null, errors);
        }
        String type = startsWith(content, JPEG) ? "image/jpeg" : startsWith(content, PNG) ? "image/png" : null;
        if (type == null) {
            errors.add(FieldError.of(path, "page.results.photo.not-image"));
            return new Checked(null, errors);
        }
        int[] size = decodedSize(content);
        if (size == null) {
            errors.add(FieldError.of(path, "page.results.photo.damaged"));
            return new Checked(null, errors);
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        String name = filename == null || filename.isBlank() ? (type.equals("image/png") ? "photo.png" : "photo.jpg")
                : filename.strip();
        return new Checked(new ReportPhotos.NewPhoto(text, name, type, size[0], size[1], sha256(content), content),
                List.of());
    }

    /** Width and height of an image that decodes whole; null when it does not, or is too large to decode. */
    private static int @Nullable [] decodedSize(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return null;
                }
                return reader.read(0) == null ? null : new int[] {width, height};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // a truncated or malformed image is reported by ImageIO as either
            return null;
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
