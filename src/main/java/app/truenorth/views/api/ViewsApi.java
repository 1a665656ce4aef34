package app.truenorth.views.api;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.web.VersionedWrite;
import app.truenorth.platform.web.LinkBuilder;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.render.RoadmapFormat;
import app.truenorth.views.Audience;
import app.truenorth.views.AudienceView;
import app.truenorth.views.DatePrecision;
import app.truenorth.views.ExportFormat;
import app.truenorth.views.ExportJobs;
import app.truenorth.views.ViewExports;
import app.truenorth.views.ViewField;
import app.truenorth.views.Views;
import app.truenorth.workspace.MemberAction;
import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audience presets, views, exports and share links of a product, over REST. */
@RestController
@RequestMapping("/api/v1/products/{productId}/views")
class ViewsApi {

    private static final String AUDIENCES = "{audience:executive|engineering|sales|customer}";

    private final Views views;
    private final ViewExports exports;
    private final ExportJobs jobs;
    private final LinkBuilder links;

    ViewsApi(Views views, ViewExports exports, ExportJobs jobs, LinkBuilder links) {
        this.links = links;
        this.jobs = jobs;
        this.views = views;
        this.exports = exports;
    }

    record PresetJson(String audience, List<String> fields, boolean externalOnly, List<String> horizons, int maxItems, int maxRisks,
            String precision, boolean keyDecisionsOnly, int maxDecisions, boolean custom, int version) {

        static PresetJson of(Views.StoredPreset p) {
            var preset = p.preset();
            return new PresetJson(preset.audience().slug(), preset.fields().stream().map(Enum::name).toList(), preset.externalOnly(),
                    preset.horizons().stream().map(Enum::name).toList(), preset.maxItems(), preset.maxRisks(), preset.precision().name(),
                    preset.keyDecisionsOnly(), preset.maxDecisions(), p.custom(), p.version());
        }
    }

    /**
     * A preset as sent: field and horizon names as in {@link ViewField} and {@link Horizon}; omitted or
     * empty horizons mean all of them. {@code keyDecisionsOnly} and {@code maxDecisions} left out keep the
     * audience's defaults (key decisions only, at most five; engineering all).
     */
    record PresetUpdate(List<ViewField> fields, Boolean externalOnly, List<Horizon> horizons, Integer maxItems, Integer maxRisks,
            DatePrecision precision, Boolean keyDecisionsOnly, Integer maxDecisions, Integer version) {
    }

    /** {@code audience}: whose view the link shows; {@code sharedWith}: who it was handed to. */
    record LinkJson(long id, String audience, String sharedWith, String label, String state, boolean passwordProtected,
            OffsetDateTime expiresAt, OffsetDateTime revokedAt, int viewCount, OffsetDateTime lastViewedAt, OffsetDateTime createdAt) {

        static LinkJson of(Views.LinkInfo l) {
            return new LinkJson(l.id(), l.audience().slug(), l.sharedWith().slug(), l.label(), l.state(OffsetDateTime.now()), l.passwordProtected(),
                    l.expiresAt(), l.revokedAt(), l.viewCount(), l.lastViewedAt(), l.createdAt());
        }
    }

    /**
     * {@code audience} (whose view) and {@code sharedWith} (who receives it; left out: the same audience) as
     * EXECUTIVE, ENGINEERING, SALES or CUSTOMER; expiry and password are optional.
     */
    record LinkRequest(Audience audience, Audience sharedWith, String label, LocalDate expiresOn, String password) {
    }

    /** The new link with its address; the token is in the answer once and stored nowhere. */
    record CreatedLinkJson(LinkJson link, String url) {
    }

    @GetMapping("/presets")
    List<PresetJson> presets(@PathVariable long productId) {
        return views.presets(productId).stream().map(PresetJson::of).toList();
    }

    /**
     * Changes an audience's preset. The preset's ETag (from this answer) names the audience and the version;
     * send it as If-Match, or the version as the {@code version} field.
     */
    @PutMapping("/presets/" + AUDIENCES)
    ResponseEntity<PresetJson> updatePreset(@Needs(Permission.EDIT) ProductAccess product, @PathVariable String audience,
            @RequestBody PresetUpdate body, VersionedWrite write) {
        Audience a = audience(audience);
        var saved = write.run(a.ordinal(), body.version(), version -> {
            if (body.precision() == null) {
                throw new InvalidInputException("precision", "is required: EXACT, QUARTER or HORIZON");
            }
            Set<ViewField> fields = body.fields() == null || body.fields().isEmpty() ? EnumSet.noneOf(ViewField.class)
                    : EnumSet.copyOf(body.fields().stream().filter(f -> f != null).toList());
            Set<Horizon> horizons = body.horizons() == null || body.horizons().stream().allMatch(h -> h == null)
                    ? EnumSet.allOf(Horizon.class) : EnumSet.copyOf(body.horizons().stream().filter(h -> h != null).toList());
            return views.updatePreset(product.productId(), a, new Views.PresetInput(fields, Boolean.TRUE.equals(body.externalOnly()),
                    horizons, body.maxItems() == null ? 0 : body.maxItems(), body.maxRisks() == null ? 0 : body.maxRisks(),
                    body.precision(), body.keyDecisionsOnly(), body.maxDecisions()), version);
        });
        return ResponseEntity.ok().eTag(Versioned.etag(a.ordinal(), saved.version())).body(PresetJson.of(saved));
    }

    @GetMapping("/" + AUDIENCES)
    AudienceView view(@PathVariable long productId, @PathVariable String audience) {
        return views.view(productId, audience(audience));
    }

    /**
     * An export; {@code layout} picks one of the roadmap's formats (timeline, horizon, theme, goal, kanban) for
     * Markdown and PDF, as {@code truenorth render --format} does. Without it: the timeline for SVG and PNG,
     * Now / Next / Later for the documents.
     */
    @GetMapping("/" + AUDIENCES + "/export/{format:md|csv|json|pdf|svg|png}")
    ResponseEntity<byte[]> export(@PathVariable long productId, @PathVariable String audience, @PathVariable String format,
            @RequestParam(required = false) String layout) {
        AudienceView view = views.view(productId, audience(audience));
        ExportFormat f = ExportFormat.byExtension(format).orElseThrow(() -> new NotFoundException("Export format"));
        byte[] body;
        if (layout == null || layout.isBlank()) {
            body = exports.export(view, f);
        } else {
            RoadmapFormat l = RoadmapFormat.parse(layout).orElseThrow(() -> new InvalidInputException("layout",
                    "must be one of " + RoadmapFormat.names()));
            ViewExports.unsupported(view, l, f).ifPresent(reason -> {
                throw new InvalidInputException("layout", reason);
            });
            body = exports.export(view, l, f);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(exports.fileName(view, f)).build().toString())
                .body(body);
    }

    /** Starts a background export and answers 202 with where to follow its progress. */
    @MemberAction // starting an export is reading: any member who may see the roadmap may export it
    @PostMapping("/" + AUDIENCES + "/export-jobs/{format:md|csv|json|pdf|svg|png}")
    ResponseEntity<ExportJobs.Status> startJob(@PathVariable long productId, @PathVariable String audience, @PathVariable String format) {
        var status = jobs.start(productId, audience(audience), ExportFormat.byExtension(format).orElseThrow(() -> new NotFoundException("Export format")));
        return ResponseEntity.accepted().location(URI.create("/api/v1/products/" + productId + "/views/export-jobs/" + status.id())).body(status);
    }

    @GetMapping("/export-jobs/{jobId}")
    ExportJobs.Status job(@PathVariable long productId, @PathVariable String jobId) {
        return jobs.status(productId, jobId);
    }

    /** The finished file; 404 while the job still runs. */
    @GetMapping("/export-jobs/{jobId}/file")
    ResponseEntity<byte[]> jobFile(@PathVariable long productId, @PathVariable String jobId) {
        byte[] file = jobs.file(productId, jobId);
        var status = jobs.status(productId, jobId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(status.format().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(status.fileName()).build().toString())
                .body(file);
    }

    @GetMapping("/links")
    List<LinkJson> links(@PathVariable long productId) {
        return views.links(productId).stream().map(LinkJson::of).toList();
    }

    @GetMapping("/links/{linkId}")
    LinkJson link(@PathVariable long productId, @PathVariable long linkId) {
        return LinkJson.of(views.link(productId, linkId));
    }

    @PostMapping("/links")
    ResponseEntity<CreatedLinkJson> createLink(@Needs(Permission.EDIT) ProductAccess product, @RequestBody LinkRequest body,
            HttpServletRequest request) {
        long productId = product.productId();
        var created = views.createLink(productId, body.audience(), body.sharedWith(), body.label(), body.expiresOn(), body.password());
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/views/links/" + created.link().id()))
                .body(new CreatedLinkJson(LinkJson.of(created.link()), links.absolute("/share/" + created.token())));
    }

    /** Revokes the link: it stops opening at once. Revoking twice is harmless. */
    @DeleteMapping("/links/{linkId}")
    LinkJson revoke(@PathVariable long productId, @PathVariable long linkId) {
        return LinkJson.of(views.revokeLink(productId, linkId));
    }

    private static Audience audience(String slug) {
        return Audience.parse(slug).orElseThrow(() -> new NotFoundException("Audience"));
    }
}
