package tw.straitcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Requests exactly as a hostile client sends them (raw bytes, any path, any header), over the JDK's
 * client so that nothing is normalised on the way; and the checks every refusal must pass.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What must never be in an answer: SQL, PostgreSQL's words, Java class or package names. */
    public static final Pattern INTERNAL = Pattern.compile(
            "(?i)(\\bselect\\b|\\binsert\\b|\\bwhere\\b|postgres|psql|\\bsql|jdbc|hikari|varchar|"
                    + "exception|java\\.|javax\\.|jakarta\\.|io\\.micronaut|io\\.netty|com\\.fasterxml|org\\.apache|"
                    + "org\\.postgresql|tw\\.straitcheck|stack ?trace|\\bat [a-z]+\\.[a-z]+\\.)");

    private final HttpClient client;
    private final URI base;
    /** Sent with every request that does not give its own: the test's credentials. */
    private final String authorization;

    public RawHttp(URI base) {
        this(base, null);
    }

    private RawHttp(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same client, sending {@code Authorization: <authorization>} unless a request gives its own. */
    public RawHttp as(String authorization) {
        return new RawHttp(base, authorization);
    }

    public record Answer(int status, String body, HttpResponse<String> response) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** Empty when this is a proper refusal in the ErrorBody shape; else what is wrong with it. */
        public String shapeProblem() {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                return "not JSON: " + abbreviated();
            }
            if (json == null || !json.isObject()) {
                return "not a JSON object: " + abbreviated();
            }
            JsonNode message = json.path("message");
            if (!message.path("zh").isTextual() || message.path("zh").asText().isBlank()
                    || !message.path("en").isTextual() || message.path("en").asText().isBlank()) {
                return "no message in both languages: " + abbreviated();
            }
            if (!json.path("errors").isArray()) {
                return "no errors list: " + abbreviated();
            }
            for (JsonNode e : json.get("errors")) {
                if (!e.path("field").isTextual() || !e.path("message").path("zh").isTextual()
                        || !e.path("message").path("en").isTextual()) {
                    return "an error without field and both messages: " + abbreviated();
                }
            }
            String id = response.headers().firstValue("X-Correlation-Id").orElse(null);
            if (id == null || !id.equals(json.path("correlationId").asText(null))) {
                return "no correlationId matching X-Correlation-Id (" + id + "): " + abbreviated();
            }
            if (INTERNAL.matcher(body).find()) {
                return "something internal: " + abbreviated();
            }
            return "";
        }

        private String abbreviated() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    public Answer send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        boolean authorized = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            authorized |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!authorized && authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviate(path), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer postJson(String path, String json, String... headers) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A multipart/form-data body of the given parts (name, filename or null, content type, bytes). */
    public static byte[] multipart(String boundary, Object... parts) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i += 4) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + parts[i] + "\""
                    + (parts[i + 1] == null ? "" : "; filename=\"" + parts[i + 1] + "\"")
                    + "\r\nContent-Type: " + parts[i + 2] + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) parts[i + 3]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * A request written straight to the socket, for what the JDK client will not send (a path with
     * {@code %ZZ}, a raw space, a bare NUL). Answers the status and body; the headers are kept too.
     */
    public RawAnswer raw(String method, String target, String... headerLines) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            if (authorization != null && java.util.Arrays.stream(headerLines)
                    .noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("authorization:"))) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // read the head, then the body by its Content-Length: a refusal may leave the connection open
            java.io.InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            int headEnd = -1;
            long bodyLength = -1;
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                received.write(buffer, 0, n);
                String sofar = received.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0 && (headEnd = sofar.indexOf("\r\n\r\n")) >= 0) {
                    java.util.regex.Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(sofar.substring(0, headEnd));
                    bodyLength = length.find() ? Long.parseLong(length.group(1)) : -1;
                }
                if (headEnd >= 0 && bodyLength >= 0 && received.size() >= headEnd + 4 + bodyLength) {
                    break;
                }
            }
            String text = received.toString(StandardCharsets.UTF_8);
            headEnd = text.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? text : text.substring(0, headEnd);
            String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
            String[] statusLine = head.split("\r\n", 2)[0].split(" ");
            int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
            return new RawAnswer(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviate(target), e);
        }
    }

    /** An answer read off the socket: status, the header block, the body (chunked bodies left as sent). */
    public record RawAnswer(int status, String head, String body) {
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
