package tw.straitcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain HTTP calls to an instance's API with a bearer token: the status and the body as JSON. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URL base;

    Api(URL base) {
        this.base = base;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(body, e);
            }
        }
    }

    Answer get(String bearer, String path) {
        return send(bearer, HttpRequest.newBuilder(uri(path)).GET());
    }

    Answer post(String bearer, String path, String json) {
        return send(bearer, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A POST whose answer must be a success (201 or 200). */
    Answer postAs(String bearer, String path, String json) {
        Answer answer = post(bearer, path, json);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(answer.status() + " " + answer.body());
        }
        return answer;
    }

    Answer put(String bearer, String path, byte[] content) {
        return send(bearer, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    Answer delete(String bearer, String path) {
        return send(bearer, HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceFirst("/$", "") + path);
    }

    private static Answer send(String bearer, HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
