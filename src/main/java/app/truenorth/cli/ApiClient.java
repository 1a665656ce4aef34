package app.truenorth.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client for the REST API that turns problem+json answers into readable errors. */
class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(String server, String token) {
        this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.token = token;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Posts with no body: an action that takes no input (start a rebuild). */
    JsonNode post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Posts a file's text as it is (an import), rather than an object to serialise. */
    JsonNode postText(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String pretty(JsonNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    private URI uri(String path) {
        try {
            return URI.create(server + path);
        } catch (IllegalArgumentException e) {
            throw new ApiException("Not a valid server URL: " + server, 2);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException("Cannot reach " + server + ": " + e.getMessage(), 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("Interrupted", 3);
        }
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
        if (response.statusCode() >= 400) {
            throw new ApiException(describe(response.statusCode(), body), response.statusCode() == 401 ? 2 : 1);
        }
        return body;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new ApiException("The server did not answer with JSON. Is --server pointing at TrueNorth?", 3);
        }
    }

    private static String describe(int status, JsonNode problem) {
        StringBuilder message = new StringBuilder("error ").append(status);
        if (problem.hasNonNull("title")) {
            message.append(": ").append(problem.get("title").asString());
        }
        if (problem.hasNonNull("detail")) {
            message.append(" — ").append(problem.get("detail").asString());
        }
        if (problem.has("errors")) {
            for (JsonNode e : problem.get("errors")) {
                message.append(System.lineSeparator()).append("  ").append(e.path("field").asString())
                        .append(": ").append(e.path("message").asString());
            }
        }
        return message.toString();
    }

    /** A failed call; {@code exitCode} 1 for a refused request, 2 for authentication, 3 for connectivity. */
    static final class ApiException extends RuntimeException {

        private final int exitCode;

        ApiException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }
}
