package app.truenorth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node of a {@link ServerProcesses} cluster: the application in a JVM of its own. Started by the
 * cluster; a test may {@link #kill()} it (kill -9), {@link #stop()} it (a graceful shutdown) and
 * {@link #start()} it again, which reuses its port when that is still free, so {@link #baseUrl()}
 * usually stays the same.
 */
public final class ServerProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String MAIN_CLASS = "app.truenorth.TrueNorthApplication";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String name;
    private final String jdbcUrl;
    private final List<String> properties;
    private final Path log;
    private final Path portFile;
    private volatile Process process;
    private volatile int port;

    ServerProcess(String name, String jdbcUrl, List<String> properties) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        Path dir = Path.of("target", "server-processes").toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.log = dir.resolve(database + "-" + name + ".log");
        this.portFile = dir.resolve(database + "-" + name + ".port");
    }

    /** "A", "B", …; also the node's {@code truenorth.node-id}. */
    public String name() {
        return name;
    }

    /** The port it listens on (the last one, while it is down). */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    public boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Starts the node (again) and waits until it answers {@code /healthz}. After a restart it asks for
     * its previous port; if that is taken it picks another.
     *
     * @throws IllegalStateException when it exits or does not answer in time, with the end of its log
     */
    public synchronized void start() {
        if (alive()) {
            throw new IllegalStateException("Node " + name + " is running");
        }
        try {
            Files.deleteIfExists(portFile);
            process = launch(port);
            int chosen = awaitPortFile();
            if (chosen < 0 && port != 0) {
                // the old port was taken meanwhile: let it choose one
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                process = launch(0);
                chosen = awaitPortFile();
            }
            if (chosen < 0) {
                throw failed("did not start listening");
            }
            port = chosen;
            awaitHealthy();
        } catch (IOException e) {
            kill();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("Interrupted while starting node " + name, e);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
    }

    /** Kills the node at once, like {@code kill -9}: no shutdown hooks, no goodbye to the database. */
    public synchronized void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the node to shut down gracefully (SIGTERM) and waits for it; kills it after 30 seconds. */
    public synchronized void stop() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    /** A GET to this node, without cookies or redirects. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** A form POST to this node ({@code body} already URL-encoded), without cookies or redirects. */
    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** What the node has written to its standard output and error, over all its starts. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "node " + name + " at " + baseUrl();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process launch(int requestedPort) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                // a node is small and short-lived; C1 only keeps start-up cheap on shared cores
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                MAIN_CLASS,
                "--server.port=" + requestedPort,
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + TestDatabases.user(),
                "--spring.datasource.password=" + TestDatabases.password(),
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--" + TestDatabases.SHARE_DATABASE + "=true",
                "--" + ServerProcesses.MARKER_PROPERTY + "=true",
                "--" + ServerProcesses.NODE_PROPERTY + "=" + name,
                "--" + ServerProcesses.PORT_FILE_PROPERTY + "=" + portFile,
                "--" + ServerProcesses.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid()));
        for (String property : properties) {
            command.add("--" + property);
        }
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the node takes its database from the arguments above, never from the test run's environment
        builder.environment().keySet().removeIf(k -> k.startsWith("TRUENORTH_"));
        Files.writeString(log, "\n==== starting node " + name + " (port " + requestedPort + ") ====\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return builder.start();
    }

    /** The port from the node's port file, or -1 when it exited first (e.g. its port was taken). */
    private int awaitPortFile() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                return Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).trim());
            }
            if (!process.isAlive()) {
                return log().contains("already in use") ? -1 : failedWith("exited with " + process.exitValue());
            }
            Thread.sleep(100);
        }
        throw failed("did not start listening within " + START_TIMEOUT.toSeconds() + " s");
    }

    private int failedWith(String what) {
        throw failed(what);
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failed("exited with " + process.exitValue());
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(uri("/healthz")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting up
            }
            Thread.sleep(100);
        }
        throw failed("did not answer /healthz within " + START_TIMEOUT.toSeconds() + " s");
    }

    private IllegalStateException failed(String what) {
        String output = log();
        String tail = output.length() > 6000 ? "…" + output.substring(output.length() - 6000) : output;
        return new IllegalStateException("Node " + name + " " + what + " (log " + log + "):\n" + tail);
    }
}
