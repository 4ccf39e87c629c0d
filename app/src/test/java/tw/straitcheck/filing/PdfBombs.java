package tw.straitcheck.filing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The three PDF bombs of issue 7, made with PDFBox in the test: small on the wire, huge inside.
 * Each content stream is written already deflated, so building the file never holds it inflated.
 */
final class PdfBombs {

    private PdfBombs() {
    }

    /** One page whose text stream inflates to about {@code megabytes} MB (issue 7: 51 KB → 30 MB). */
    static byte[] textStreamExpandingTo(int megabytes) throws IOException {
        byte[] line = "(AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj\n".getBytes(StandardCharsets.US_ASCII);
        long lines = (long) megabytes * 1024 * 1024 / line.length;
        return document(1, out -> {
            out.write("BT /F1 1 Tf 0 0 Td\n".getBytes(StandardCharsets.US_ASCII));
            for (long i = 0; i < lines; i++) {
                out.write(line);
            }
            out.write("ET\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    /** One page of {@code characters} characters of text in a stream of about the same size (issue 7: 5.2 million). */
    static byte[] characters(int characters) throws IOException {
        return document(1, out -> {
            out.write("BT /F1 1 Tf 0 0 Td (".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "abcdefghij".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < characters; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, characters - written));
            }
            out.write(") Tj ET\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    /** {@code pages} pages all drawing one stream of {@code megabytes} MB (issue 7: 100 MB, 100 pages, 118 KB). */
    static byte[] sharedStream(int pages, int megabytes) throws IOException {
        return document(pages, out -> {
            byte[] ops = "0 0 m 1 1 l S\n".getBytes(StandardCharsets.US_ASCII);
            long n = (long) megabytes * 1024 * 1024 / ops.length;
            byte[] block = new byte[ops.length * 4096];
            for (int i = 0; i < 4096; i++) {
                System.arraycopy(ops, 0, block, i * ops.length, ops.length);
            }
            for (long i = 0; i < n; i += 4096) {
                out.write(block);
            }
        });
    }

    interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** A document of {@code pages} pages sharing one Flate content stream written by {@code content}. */
    private static byte[] document(int pages, Content content) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (OutputStream out = new DeflaterOutputStream(deflated, deflater, 64 * 1024)) {
            content.write(out);
        } finally {
            deflater.end();
        }
        try (PDDocument document = new PDDocument()) {
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream raw = stream.createRawOutputStream()) {
                raw.write(deflated.toByteArray());
            }
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                page.setResources(resources);
                page.getCOSObject().setItem(COSName.CONTENTS, stream);
                document.addPage(page);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
