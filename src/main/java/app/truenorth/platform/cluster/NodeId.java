package app.truenorth.platform.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes that share a database, as stored in the rows a node claims (job
 * leases, outbox sending): {@code truenorth.node-id} when set, otherwise host name, process id and a
 * random suffix, so a restarted process is a new node.
 */
@Component
public final class NodeId {

    private final String value;

    NodeId(@Value("${truenorth.node-id:}") String configured) {
        this.value = configured.isBlank() ? generated() : configured.strip();
        if (value.length() > 100) {
            throw new IllegalArgumentException("truenorth.node-id is longer than 100 characters");
        }
    }

    /** A node id for code outside Spring (tools, tests). */
    public static NodeId of(String value) {
        return new NodeId(value);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        if (host.length() > 60) {
            host = host.substring(0, 60);
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    }
}
