package app.truenorth.platform.live;

import app.truenorth.support.ServerProbe;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** In a server process: publish through this node, or follow a topic on it, as a module's controller would. */
@ServerProbe
@RestController
class LiveProbe {

    private final LiveHub hub;
    private final TransactionTemplate transaction;

    LiveProbe(LiveHub hub, PlatformTransactionManager transactions) {
        this.hub = hub;
        this.transaction = new TransactionTemplate(transactions);
    }

    @PostMapping("/probe/live/publish")
    String publish(@RequestParam String topic, @RequestParam String name, @RequestParam String data) {
        transaction.executeWithoutResult(status -> hub.publish(topic, name, data));
        return "published";
    }

    @GetMapping(path = "/probe/live/subscribe", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter subscribe(@RequestParam String topic, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return hub.subscribe(topic, lastEventId);
    }
}
