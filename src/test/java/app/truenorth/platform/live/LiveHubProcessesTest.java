package app.truenorth.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.ServerProcess;
import app.truenorth.support.ServerProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two application processes on one PostgreSQL database: publish through one, follow on the other. */
class LiveHubProcessesTest {

    static ServerProcesses cluster;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoNodes() {
        ServerProcesses.assumePostgres();
        cluster = ServerProcesses.start(2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anEventPublishedOnOneNodeReachesAClientOfTheOtherAndAReconnectReplaysWhatItMissed() throws Exception {
        ServerProcess a = cluster.node("A");
        ServerProcess b = cluster.node("B");
        String topic = "product:" + UUID.randomUUID() + ":execution";

        var stream = Stream.open(b, topic, null);
        publish(a, topic, "warm-up");
        assertThat(stream.next(10_000)).as("the first event (connections warm up)").isNotNull();

        for (int i = 1; i <= 3; i++) {
            long sent = System.nanoTime();
            publish(a, topic, "check-in " + i);
            Recorder.Received received = stream.next(1_000);
            long millis = (System.nanoTime() - sent) / 1_000_000;
            assertThat(received).as("received on B within a second of the publish on A").isNotNull();
            assertThat(received.data()).isEqualTo("check-in " + i);
            assertThat(millis).isLessThan(1_000);
        }
        String lastSeen = stream.lastId();
        stream.close();

        publish(a, topic, "missed 1");
        publish(a, topic, "missed 2");

        var again = Stream.open(b, topic, lastSeen);
        assertThat(again.next(2_000).data()).isEqualTo("missed 1");
        assertThat(again.next(2_000).data()).isEqualTo("missed 2");
        publish(a, topic, "live again");
        assertThat(again.next(1_000).data()).isEqualTo("live again");
        again.close();

        // and from the node that published, too
        var onA = Stream.open(a, topic, lastSeen);
        assertThat(List.of(onA.next(2_000).data(), onA.next(2_000).data(), onA.next(2_000).data()))
                .containsExactly("missed 1", "missed 2", "live again");
        onA.close();
    }

    private static void publish(ServerProcess node, String topic, String data) {
        var response = node.post("/probe/live/publish", "topic=" + encode(topic) + "&name=update&data=" + encode(data));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A server-sent event stream read the way a browser's EventSource reads it. */
    static final class Stream implements AutoCloseable {

        private final InputStream body;
        private final BlockingQueue<Recorder.Received> events = new LinkedBlockingQueue<>();
        private volatile String lastId;

        private Stream(InputStream body) {
            this.body = body;
            Thread.ofVirtual().start(this::read);
        }

        static Stream open(ServerProcess node, String topic, String lastEventId) throws Exception {
            var request = HttpRequest.newBuilder(node.uri("/probe/live/subscribe?topic=" + encode(topic)))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new Stream(response.body());
        }

        private void read() {
            try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                List<String> frame = new ArrayList<>();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        Recorder.parse(String.join("\n", frame)).forEach(e -> {
                            lastId = e.id();
                            events.add(e);
                        });
                        frame.clear();
                    } else {
                        frame.add(line);
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        Recorder.Received next(long millis) throws InterruptedException {
            return events.poll(millis, TimeUnit.MILLISECONDS);
        }

        String lastId() {
            return lastId;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
