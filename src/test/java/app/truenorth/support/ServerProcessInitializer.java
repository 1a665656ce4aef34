package app.truenorth.support;

import java.io.IOException;
import java.net.URL;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Inside a process started by {@link ServerProcesses} (registered for every context through the test
 * sources' {@code META-INF/spring.factories}, a no-op elsewhere): the test classes are on that
 * process's class path, so component scanning would pick up test fixtures and test configurations; it
 * keeps only those marked {@link ServerProbe}, so a node runs the application as shipped plus its probes.
 */
public class ServerProcessInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!"true".equals(context.getEnvironment().getProperty(ServerProcesses.MARKER_PROPERTY))) {
            return;
        }
        // @SpringBootApplication's scan asks every TypeExcludeFilter bean whether to leave a class out
        context.getBeanFactory().registerSingleton(TestSourcesExcluded.class.getName(), new TestSourcesExcluded());
    }

    static final class TestSourcesExcluded extends TypeExcludeFilter {

        private final String testClassesRoot = root();

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            URL url = reader.getResource().getURL();
            return testClassesRoot != null && url.toString().startsWith(testClassesRoot)
                    && !reader.getAnnotationMetadata().hasAnnotation(ServerProbe.class.getName());
        }

        private static String root() {
            var source = ServerProcessInitializer.class.getProtectionDomain().getCodeSource();
            return source == null ? null : source.getLocation().toString();
        }

        // one per context; TypeExcludeFilter asks for equals/hashCode of its delegates
        @Override
        public boolean equals(Object other) {
            return other instanceof TestSourcesExcluded;
        }

        @Override
        public int hashCode() {
            return TestSourcesExcluded.class.hashCode();
        }
    }
}
