package app.truenorth.views.web;

import app.truenorth.platform.web.FormErrors;
import app.truenorth.views.Audience;
import app.truenorth.views.Views;
import java.time.OffsetDateTime;
import java.util.List;

/** What the index page shows. */
public record IndexPage(long productId, String productName, String base, boolean canEdit, List<Views.StoredPreset> presets,
        List<Views.LinkInfo> links, OffsetDateTime now, NewLink created, Audience editing, FormErrors presetErrors,
        FormErrors linkErrors, LinkForm linkForm) {

    public String state(Views.LinkInfo link) {
        return link.state(now);
    }

    public FormErrors presetErrors(Audience audience) {
        return audience == editing ? presetErrors : FormErrors.none();
    }

    public String linkLabel() {
        return linkForm == null || linkForm.label() == null ? "" : linkForm.label();
    }

    public String linkExpires() {
        return linkForm == null || linkForm.expiresOn() == null ? "" : linkForm.expiresOn();
    }

    /** Who the new link goes to as chosen; empty for the view's own audience. */
    public String linkSharedWith() {
        return linkForm == null || linkForm.sharedWith() == null ? "" : linkForm.sharedWith();
    }

    public String linkAudience() {
        return linkForm == null || linkForm.audience() == null ? "CUSTOMER" : linkForm.audience();
    }
}
