package app.truenorth.support;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /probe/node}: which node answered, from which process, on which database. */
@ServerProbe
@RestController
class NodeProbe {

    private final String node;
    private final JdbcClient jdbc;

    NodeProbe(@Value("${" + ServerProcesses.NODE_PROPERTY + "}") String node, JdbcClient jdbc) {
        this.node = node;
        this.jdbc = jdbc;
    }

    @GetMapping("/probe/node")
    Map<String, Object> node() {
        return Map.of("node", node, "database", jdbc.sql("select current_database()").query(String.class).single(),
                "pid", ProcessHandle.current().pid());
    }
}
