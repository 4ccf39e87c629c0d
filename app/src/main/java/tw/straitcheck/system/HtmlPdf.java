package tw.straitcheck.system;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printable PDF from a page template ({@code views/pdf/*.html}, written as well-formed XHTML and
 * rendered by Thymeleaf with the request's language), laid out by openhtmltopdf. Chinese needs a
 * font the PDF carries: WenQuanYi Micro Hei (Apache-2.0, {@code fonts/wqy-microhei.LICENSE.txt})
 * travels inside the jar and is embedded as a subset of the glyphs used, so a machine with only a
 * JDK prints the same PDF. The templates name it as {@code font-family: CJK}. Nothing outside the
 * page is fetched: an image is a {@code data:} URI.
 */
@Singleton
public class HtmlPdf {

    /** The family name the templates' style sheet uses. */
    public static final String FONT_FAMILY = "CJK";

    private static final String FONT = "fonts/wqy-microhei.ttc";

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;
    private final byte[] font;

    HtmlPdf(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
        this.views = views;
        try (InputStream in = HtmlPdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is not on the class path");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The view rendered as XHTML, then as a PDF. */
    public byte[] render(HttpRequest<?> request, String view, Map<String, Object> model) {
        StringWriter html = new StringWriter();
        try {
            views.render(view, model, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf(html.toString());
    }

    /** The PDF of a well-formed XHTML document. */
    public byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument();
                TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(font))) {
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(ttf -> {
                if (first[0] == null) {
                    first[0] = ttf;
                }
            });
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, first[0], true)), FONT_FAMILY);
            builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("StraitCheck");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
