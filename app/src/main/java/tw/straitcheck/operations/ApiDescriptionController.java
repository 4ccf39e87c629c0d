package tw.straitcheck.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the OpenAPI description that micronaut-openapi generated from the controllers at build
 * time, and its bundled Swagger UI. Open to anyone: the description holds no personal data.
 *
 * <p>The description is narrowed to the JSON API ({@code /api/**}): the HTML pages are
 * controllers too, but nothing a school's system calls. Narrowing here rather than marking each
 * page controller keeps every page added later out of it as well (with the schemas of their
 * forms). Each operation also gets the one error shape, {@code ErrorBody}, as its {@code default}
 * answer.
 *
 * <p>The Swagger UI page starts itself with one inline script. The service's policy forbids
 * inline script, so this page alone gets a policy that allows exactly that script (by its
 * SHA-256), and inline styles: the UI inserts a {@code <style>} element of its own (OperationsTest
 * records every refusal by the policy), and a style cannot run script. Everything else stays
 * {@code 'self'}.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ApiDescriptionController {

    private static final String GENERATED = "META-INF/swagger/";
    private static final String SWAGGER_UI = GENERATED + "views/swagger-ui/index.html";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final Map<String, String> descriptions = new ConcurrentHashMap<>();
    private final String swaggerUi;
    private final String swaggerUiPolicy;

    ApiDescriptionController() {
        swaggerUi = read(SWAGGER_UI);
        swaggerUiPolicy = policyFor(swaggerUi);
    }

    @Get(uri = "/openapi/{file}", produces = "application/yaml")
    HttpResponse<String> description(@PathVariable String file) {
        if (!file.matches("straitcheck-[A-Za-z0-9.\\-]+\\.yml") || resource(GENERATED + file) == null) {
            return HttpResponse.notFound();
        }
        String yaml = descriptions.computeIfAbsent(file, f -> jsonApiOnly(read(GENERATED + f)));
        return HttpResponse.ok(yaml).contentType(MediaType.of("application/yaml"));
    }

    @Get(uri = "/swagger-ui", produces = MediaType.TEXT_HTML)
    HttpResponse<String> swaggerUi() {
        return HttpResponse.ok(swaggerUi).contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", swaggerUiPolicy);
    }

    /** The generated description without the pages, every operation answering errors in ErrorBody. */
    static String jsonApiOnly(String generated) {
        try {
            ObjectNode root = (ObjectNode) YAML.readTree(generated);
            Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (!path.getKey().startsWith("/api/")) {
                    paths.remove();
                    continue;
                }
                path.getValue().fields().forEachRemaining(operation -> {
                    if (operation.getValue() instanceof ObjectNode op && op.path("responses") instanceof ObjectNode responses
                            && !responses.has("default")) {
                        ObjectNode error = responses.putObject("default");
                        error.put("description", "A refusal: the message and each field's error in zh-TW and English");
                        error.putObject("content").putObject(MediaType.APPLICATION_JSON).putObject("schema")
                                .put("$ref", "#/components/schemas/ErrorBody");
                    }
                });
            }
            keepReferencedSchemas(root);
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the schemas that only the pages' operations used (their forms), keeping all the API reaches. */
    private static void keepReferencedSchemas(ObjectNode root) {
        if (!(root.at("/components/schemas") instanceof ObjectNode schemas)) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Deque<JsonNode> toRead = new ArrayDeque<>(List.of(root.path("paths")));
        while (!toRead.isEmpty()) {
            JsonNode node = toRead.pop();
            String ref = node.path("$ref").asText("");
            if (ref.startsWith("#/components/schemas/") && reached.add(ref.substring("#/components/schemas/".length()))) {
                toRead.push(schemas.path(ref.substring("#/components/schemas/".length())));
            }
            node.elements().forEachRemaining(toRead::push);
        }
        schemas.retain(reached);
    }

    /** The service's policy, with the page's own inline scripts allowed by their hashes. */
    static String policyFor(String page) {
        List<String> hashes = new ArrayList<>();
        Matcher script = INLINE_SCRIPT.matcher(page);
        while (script.find()) {
            hashes.add("'sha256-" + sha256(script.group(1)) + "'");
        }
        return "default-src 'self'; script-src 'self' " + String.join(" ", hashes) + "; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL resource(String name) {
        return ApiDescriptionController.class.getClassLoader().getResource(name);
    }

    private static String read(String name) {
        try (InputStream in = ApiDescriptionController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: micronaut-openapi generates it at build time");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
