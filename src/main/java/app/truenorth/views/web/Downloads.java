package app.truenorth.views.web;

import app.truenorth.views.AudienceView;
import app.truenorth.views.ExportFormat;
import app.truenorth.views.ViewExports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An export as a file download. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(ViewExports exports, AudienceView view, ExportFormat format) {
        return file(exports.export(view, format), format, exports.fileName(view, format));
    }

    static ResponseEntity<byte[]> file(byte[] body, ExportFormat format, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
