package app.truenorth.roadmap.api;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.Versioned;
import java.net.URI;
import java.util.function.IntFunction;
import org.springframework.http.ResponseEntity;

/** What every roadmap API controller answers to a write: 201 with the new resource's place, and versioned changes. */
final class ApiWrites {

    private ApiWrites() {
    }

    static <T> ResponseEntity<T> created(long productId, String collection, long id, int version, T body) {
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/roadmap/" + collection + "/" + id))
                .eTag(Versioned.etag(id, version)).body(body);
    }

    /** Runs a versioned change with the version from If-Match or the body; a stale If-Match answers 412. */
    static <T> T versioned(String ifMatch, long id, Integer bodyVersion, IntFunction<T> change) {
        Integer fromHeader = Versioned.versionFromIfMatch(ifMatch, id);
        Integer version = fromHeader != null ? fromHeader : bodyVersion;
        if (version == null) {
            throw new InvalidInputException("version",
                    "is required: send the version you read as If-Match header or 'version' field");
        }
        try {
            return change.apply(version);
        } catch (ConflictException e) {
            throw fromHeader != null ? e.asPreconditionFailed() : e;
        }
    }
}
