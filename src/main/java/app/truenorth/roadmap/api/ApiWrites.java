package app.truenorth.roadmap.api;

import app.truenorth.platform.Versioned;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * The answer of every roadmap API controller to an add: 201 with the new resource's place and its version
 * as ETag. Changes and deletes go through the platform's {@link app.truenorth.platform.web.VersionedWrite}.
 */
final class ApiWrites {

    private ApiWrites() {
    }

    static <T> ResponseEntity<T> created(long productId, String collection, long id, int version, T body) {
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/roadmap/" + collection + "/" + id))
                .eTag(Versioned.etag(id, version)).body(body);
    }
}
