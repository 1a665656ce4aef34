package app.truenorth.platform.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.PreconditionRequiredException;
import app.truenorth.platform.Versioned;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * One versioned write of the REST API. An update or delete names the version it read, as
 * {@code If-Match} (the ETag of the GET, see {@link Versioned#etag}) or as a {@code version} field of its
 * body or query:
 * <ul>
 * <li>a stale If-Match: 412 Precondition Failed;</li>
 * <li>a stale version field: 409 Conflict;</li>
 * <li>neither: 428 Precondition Required, naming both ways to send it;</li>
 * </ul>
 * and in every case nothing is written. A handler declares it as an argument (resolved from the request's
 * If-Match header), which also documents the header and the three answers in the OpenAPI document:
 * <pre>{@code
 * ResponseEntity<ProductView> update(@PathVariable long productId, @RequestBody ProductUpdate body, VersionedWrite write) {
 *     var product = write.run(productId, body.version(), version -> products.update(productId, body.name(), version));
 *     return ResponseEntity.ok().eTag(Versioned.etag(product.id(), product.version())).body(ProductView.of(product));
 * }
 * }</pre>
 */
public final class VersionedWrite {

    static final String HEADER = "If-Match";
    static final String REQUIRED = "This change needs the version you read: send it as an If-Match header "
            + "(the ETag of the GET) or as the 'version' field.";

    private final String ifMatch;
    private final String what;
    private final IntSupplier current;

    VersionedWrite(String ifMatch) {
        this(ifMatch, null, null);
    }

    private VersionedWrite(String ifMatch, String what, IntSupplier current) {
        this.ifMatch = ifMatch;
        this.what = what;
        this.current = current;
    }

    /**
     * The same write, with the version compared to the stored one before the change runs: a stale version
     * is answered before the request's content is checked (HTTP evaluates preconditions first), for changes
     * that check their input before their version. The change still checks the version as it writes, so a
     * change made in between is refused too.
     *
     * @param what    what changed, for the message ("The strategy session")
     * @param current reads the stored version (and checks the caller may read the thing)
     */
    public VersionedWrite checkedFirst(String what, IntSupplier current) {
        return new VersionedWrite(ifMatch, what, current);
    }

    /** For code that reads the header itself. */
    public static VersionedWrite ofIfMatch(String ifMatch) {
        return new VersionedWrite(ifMatch);
    }

    /**
     * Runs {@code change} with the version the client named for the entity {@code id} (the id in its ETag):
     * If-Match when sent, else {@code bodyVersion}. The change checks it against the stored version and
     * throws {@link ConflictException#staleVersion} when they differ.
     */
    public <T> T run(long id, Integer bodyVersion, IntFunction<T> change) {
        Integer fromHeader = Versioned.versionFromIfMatch(ifMatch, id);
        if (fromHeader == null && bodyVersion == null) {
            throw new PreconditionRequiredException(REQUIRED);
        }
        int version = fromHeader != null ? fromHeader : bodyVersion;
        try {
            if (current != null && current.getAsInt() != version) {
                throw ConflictException.staleVersion(what);
            }
            return change.apply(version);
        } catch (ConflictException e) {
            // only a version that is not the current one fails the precondition; a state that does not
            // allow the change (a locked phase) stays 409 whichever way the version came
            throw fromHeader != null && e.stale() ? e.asPreconditionFailed() : e;
        }
    }

    /** True when the request carried an If-Match header. */
    public boolean conditional() {
        return ifMatch != null && !ifMatch.isBlank();
    }
}
