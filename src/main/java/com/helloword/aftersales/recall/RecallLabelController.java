package com.helloword.aftersales.recall;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.notification.MailTemplates;

/**
 * The label link of the recall label mail ({@code GET /buyer/recalls/{noticeId}/label?t=...&lang=..}): the PDF for
 * a link signed for the notice ({@link BuyerLinks#recallLabelUrl}). A link that is not valid gets a 403 page, a
 * notice without a label PDF a 404 page, in the buyer's language as far as it is known without telling a made-up
 * link anything ({@link BuyerLinks#refusalLanguage}); the pages are the return label's.
 */
@RestController
class RecallLabelController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final RecallNoticeRepository notices;
    private final BuyerLinks links;
    private final MailTemplates templates;

    RecallLabelController(RecallNoticeRepository notices, BuyerLinks links, MailTemplates templates) {
        this.notices = notices;
        this.links = links;
        this.templates = templates;
    }

    @GetMapping("/buyer/recalls/{noticeId}/label")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> label(@PathVariable long noticeId,
            @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        String subject = BuyerLinks.recallLabelSubject(noticeId);
        if (!links.verify(subject, BuyerLinks.Action.RECALL_LABEL, token)) {
            return page(HttpStatus.FORBIDDEN, "LABEL_INVALID", links.refusalLanguage(subject,
                    BuyerLinks.Action.RECALL_LABEL, token, lang, acceptLanguage, s -> languageOf(noticeId)));
        }
        RecallNotice notice = notices.findById(noticeId).orElse(null);
        if (notice == null || notice.getLabelPdf() == null) {
            return page(HttpStatus.NOT_FOUND, "NO_LABEL", notice == null ? lang : notice.getLanguage());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"recall-label-" + noticeId + ".pdf\"")
                .body(notice.getLabelPdf());
    }

    private String languageOf(long noticeId) {
        return notices.findById(noticeId).map(RecallNotice::getLanguage).orElse(null);
    }

    private ResponseEntity<byte[]> page(HttpStatus status, String state, String language) {
        String html = templates.renderPage("buyer-return", language, Map.of("state", state)).html();
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY")
                .body(html.getBytes(StandardCharsets.UTF_8));
    }
}
