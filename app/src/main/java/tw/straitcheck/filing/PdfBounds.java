package tw.straitcheck.filing;

import java.io.IOException;
import java.io.InputStream;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** The bounds {@link PdfFiles} reads a PDF within: decompressed content, characters and time. */
final class PdfBounds {

    private static final int FORM_DEPTH = 8;

    private PdfBounds() {
    }

    /** Too many characters: thrown from inside the extraction to stop it at once. */
    static final class TooMuchText extends RuntimeException {
        TooMuchText() {
            super("too much text", null, false, false);
        }
    }

    /** Past the deadline: thrown from inside the extraction. */
    static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("too slow", null, false, false);
        }
    }

    /**
     * Whether the content the text extraction will decode (each page's content streams and the form
     * XObjects they draw, counted each time they are drawn, as the extraction decodes them again)
     * stays within {@code maxBytes}. Reading stops at the limit, so a 100 MB stream costs no more
     * than the limit to refuse.
     */
    static boolean contentWithin(PDDocument document, long maxBytes, long deadline) throws IOException {
        long[] budget = {maxBytes};
        for (PDPage page : document.getPages()) {
            for (Iterator<PDStream> it = page.getContentStreams(); it.hasNext();) {
                if (!count(it.next(), budget, deadline)) {
                    return false;
                }
            }
            if (!forms(page.getResources(), budget, deadline, 0, new IdentityHashMap<>())) {
                return false;
            }
        }
        return true;
    }

    private static boolean forms(PDResources resources, long[] budget, long deadline, int depth,
            Map<Object, Boolean> onPath) throws IOException {
        if (resources == null || depth > FORM_DEPTH) {
            return true;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xobject = resources.getXObject(name);
            if (xobject instanceof PDFormXObject form && onPath.put(form.getCOSObject(), true) == null) {
                if (!count(form.getContentStream(), budget, deadline)
                        || !forms(form.getResources(), budget, deadline, depth + 1, onPath)) {
                    return false;
                }
                onPath.remove(form.getCOSObject());
            }
        }
        return true;
    }

    private static boolean count(PDStream stream, long[] budget, long deadline) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = stream.createInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                budget[0] -= n;
                if (budget[0] < 0) {
                    return false;
                }
                if (System.nanoTime() > deadline) {
                    throw new TooSlow();
                }
            }
        }
        return true;
    }

    /** The text stripper, stopped when it has seen too many characters or runs past the deadline. */
    static final class Stripper extends PDFTextStripper {

        private final long maxGlyphs;
        private final long deadline;
        private long glyphs;
        private long operators;

        Stripper(int maxTextChars, long deadline) {
            // a glyph drawn twice (a fake bold) is one character of text: allow twice as many glyphs
            this.maxGlyphs = 2L * maxTextChars;
            this.deadline = deadline;
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (++glyphs > maxGlyphs) {
                throw new TooMuchText();
            }
            super.processTextPosition(text);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if ((++operators & 0x3FF) == 0 && System.nanoTime() > deadline) {
                throw new TooSlow();
            }
            super.processOperator(operator, operands);
        }
    }
}
