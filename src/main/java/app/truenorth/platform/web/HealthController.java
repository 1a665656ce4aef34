package app.truenorth.platform.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A liveness probe for load balancers, and the trivial endpoint benchmarks compare pages against.
 * Public, so it passes through the same security filters as every other request.
 */
@RestController
class HealthController {

    record Health(String status) {
    }

    private static final Health UP = new Health("up");

    @GetMapping(path = "/healthz", produces = MediaType.APPLICATION_JSON_VALUE)
    Health health() {
        return UP;
    }
}
