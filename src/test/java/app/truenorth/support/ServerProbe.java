package app.truenorth.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks a test-only bean (a controller, a job, a configuration) that exists only inside the
 * application processes {@link ServerProcesses} starts, so a multi-node test can drive or observe a
 * node from outside, e.g. publish an event through node A. In the suite's own Spring contexts the
 * condition is false and the bean is absent (the endpoint sweeps never see it); in a server process
 * every other class of the test sources is left out of component scanning
 * ({@link ServerProcessInitializer}).
 *
 * <p>Probe endpoints live under {@code /probe/}: that path needs no sign-in and no CSRF token in a
 * server process ({@link ServerProbes}), and nowhere else.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = ServerProcesses.MARKER_PROPERTY, havingValue = "true")
public @interface ServerProbe {
}
