package tw.straitcheck.filing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * PDFs for the tests, made with PDFBox so that no binary file is committed. Chinese text is set in
 * MSung-Light, one of the standard Traditional Chinese fonts a PDF may name without embedding
 * (Adobe-CNS1, encoding UniCNS-UCS2-H, so each character is its UCS-2 code): no font file is
 * needed to write it, and a text extractor reads it back through the CMaps PDFBox ships.
 */
final class TestPdfs {

    private TestPdfs() {
    }

    /** A one-page PDF whose text is {@code text} (Basic Multilingual Plane characters only). */
    static byte[] withText(String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            page(document, text);
            return save(document);
        }
    }

    /** A valid PDF of about {@code size} bytes: one page of text and an incompressible stream as padding. */
    static byte[] ofSize(String text, int size) throws IOException {
        try (PDDocument document = new PDDocument()) {
            page(document, text);
            byte[] padding = new byte[size];
            new Random(42).nextBytes(padding);
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(padding);
            }
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Padding"), stream);
            return save(document);
        }
    }

    /** A valid PDF of exactly {@code bytes} bytes: the padding is adjusted until the file comes out at that size. */
    static byte[] ofExactSize(String text, int bytes) throws IOException {
        int padding = bytes - ofSize(text, 0).length;
        for (int attempt = 0; attempt < 10; attempt++) {
            byte[] pdf = ofSize(text, padding);
            if (pdf.length == bytes) {
                return pdf;
            }
            padding -= pdf.length - bytes;
        }
        throw new IllegalStateException("no padding gives a PDF of " + bytes + " bytes");
    }

    /** A PDF that opens only with a password. */
    static byte[] passwordProtected(String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            page(document, text);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        }
    }

    private static void page(PDDocument document, String text) throws IOException {
        PDPage page = new PDPage();
        document.addPage(page);
        PDResources resources = new PDResources();
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), mingFont());
        resources.getCOSObject().setItem(COSName.FONT, fonts);
        page.setResources(resources);
        StringBuilder codes = new StringBuilder();
        for (char c : text.toCharArray()) {
            codes.append(String.format("%04X", (int) c));
        }
        PDStream contents = new PDStream(document);
        try (OutputStream out = contents.createOutputStream()) {
            out.write(("BT /F1 14 Tf 72 720 Td <" + codes + "> Tj ET").getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(contents);
    }

    /** The Type0 font MSung-Light-UniCNS-UCS2-H, not embedded (PDF 1.7, 9.7.5.2 and 9.7.6.2). */
    private static COSDictionary mingFont() {
        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "CNS1");
        systemInfo.setInt(COSName.SUPPLEMENT, 0);
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "MSung-Light");
        descriptor.setInt(COSName.FLAGS, 6);
        COSArray box = new COSArray();
        for (int v : new int[] {-160, -249, 1015, 1071}) {
            box.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, box);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);
        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cidFont.setName(COSName.BASE_FONT, "MSung-Light");
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, 1000);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "MSung-Light-UniCNS-UCS2-H");
        font.setName(COSName.ENCODING, "UniCNS-UCS2-H");
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        return font;
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
