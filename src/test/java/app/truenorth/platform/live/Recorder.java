package app.truenorth.platform.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A stream as a browser would read it: the raw text, parsed into events. */
final class Recorder implements LiveHub.Sink {

    record Received(String id, String name, String data) {
    }

    private final StringBuffer raw = new StringBuffer();
    volatile boolean gone;
    volatile boolean completed;

    @Override
    public void send(SseEmitter.SseEventBuilder event) throws IOException {
        if (gone) {
            throw new IOException("Broken pipe");
        }
        for (ResponseBodyEmitter.DataWithMediaType part : event.build()) {
            raw.append(part.getData());
        }
    }

    @Override
    public void failed(Exception e) {
        // nothing to close
    }

    @Override
    public void complete() {
        completed = true;
    }

    String raw() {
        return raw.toString();
    }

    /** The events so far (frames with data), in order. */
    List<Received> events() {
        return parse(raw());
    }

    static List<Received> parse(String text) {
        List<Received> events = new ArrayList<>();
        for (String frame : text.split("\n\n")) {
            String id = null;
            String name = "message";
            StringBuilder data = null;
            for (String line : frame.split("\n")) {
                if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring(5));
                }
            }
            if (data != null) {
                events.add(new Received(id, name, data.toString()));
            }
        }
        return events;
    }

    /** Waits up to {@code millis} for the events to satisfy {@code check}; the events at that point. */
    List<Received> await(Predicate<List<Received>> check, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        List<Received> now = events();
        while (!check.test(now) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            now = events();
        }
        return now;
    }
}
