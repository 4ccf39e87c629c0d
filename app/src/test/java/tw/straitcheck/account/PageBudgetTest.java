package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tw.straitcheck.ProjectFiles;

/**
 * The pages' weight budget (issue 8, "Speed"): no page loads more than 100 KB of JavaScript and
 * CSS. Every script and style sheet a page references comes through the layout's head, so the sum
 * of the files under /assets/ that the rendered login page and every template reference, as the
 * server sends them, is the most any page loads. It fails as soon as the files grow past it.
 */
@MicronautTest(transactional = false)
class PageBudgetTest {

    static final long BUDGET_BYTES = 100 * 1024;
    private static final Pattern ASSET = Pattern.compile("(?:href|src|th:href|th:src)=\"(?:@\\{)?(/assets/[^\"}?#]+)");

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noPageLoadsMoreThan100KbOfJavaScriptAndCss() throws Exception {
        Set<String> assets = new LinkedHashSet<>();
        assets.addAll(referenced(get("/login").body()));
        try (Stream<Path> templates = Files.walk(ProjectFiles.root().resolve("app/src/main/resources/views"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                assets.addAll(referenced(Files.readString(template)));
            }
        }
        assertThat(assets).contains("/assets/app.css", "/assets/app.js");

        long total = 0;
        StringBuilder sizes = new StringBuilder();
        for (String asset : assets) {
            if (!asset.endsWith(".js") && !asset.endsWith(".css")) {
                continue;
            }
            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + asset)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            total += file.body().length;
            sizes.append(asset).append(' ').append(file.body().length).append(" B\n");
        }
        assertThat(total).as("JavaScript and CSS of a page:\n" + sizes).isLessThanOrEqualTo(BUDGET_BYTES);
    }

    private static Set<String> referenced(String html) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
