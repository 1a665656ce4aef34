package app.truenorth.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfig {

    /** One clock for the whole application, so tests can move time (throttling, expiry). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
