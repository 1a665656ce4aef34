package app.truenorth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What every process started by {@link ServerProcesses} has besides the application: {@code /probe/**}
 * open without sign-in or CSRF, its port written to a file once Tomcat listens (so the test learns
 * the port the process chose), {@code GET /probe/node} naming the node and its database, and a watch
 * that ends the process when the test JVM that started it is gone (a killed test run leaves no server
 * behind).
 */
@ServerProbe
@Configuration(proxyBeanMethods = false)
class ServerProbes {

    @Bean
    @Order(0)
    SecurityFilterChain probeChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/probe/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    ParentWatch parentWatch(@Value("${" + ServerProcesses.PARENT_PID_PROPERTY + "}") long parentPid) {
        return new ParentWatch(parentPid);
    }

    @Bean
    PortFile portFile(@Value("${" + ServerProcesses.PORT_FILE_PROPERTY + "}") String file) {
        return new PortFile(Path.of(file));
    }

    static final class ParentWatch {

        ParentWatch(long parentPid) {
            ProcessHandle.of(parentPid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
                    () -> Runtime.getRuntime().halt(3));
        }
    }

    static final class PortFile {

        private final Path file;

        PortFile(Path file) {
            this.file = file;
        }

        @EventListener
        void listening(WebServerInitializedEvent event) {
            try {
                // written whole, then moved, so the test never reads half a number
                Path partial = file.resolveSibling(file.getFileName() + ".partial");
                Files.writeString(partial, Integer.toString(event.getWebServer().getPort()), StandardCharsets.UTF_8);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
