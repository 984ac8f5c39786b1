package com.helloword.aftersales.returns;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.notification.MailTemplates;

/**
 * The label link of the label mail ({@code /buyer/returns/{key}/label?t=...&lang=..}): the PDF for a link
 * signed for the return. A link that is not valid gets a 403 page, and a return without a label yet a 404
 * page, in the buyer's language as far as it is known without telling a made-up link anything
 * ({@link BuyerLinks#refusalLanguage}).
 */
@RestController
class ReturnLabelController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ReturnService returns;
    private final BuyerLinks links;
    private final MailTemplates templates;

    ReturnLabelController(ReturnService returns, BuyerLinks links, MailTemplates templates) {
        this.returns = returns;
        this.links = links;
        this.templates = templates;
    }

    @GetMapping("/buyer/returns/{returnKey}/label")
    ResponseEntity<byte[]> label(@PathVariable String returnKey, @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        if (!links.verify(returnKey, BuyerLinks.Action.RETURN_LABEL, token)) {
            return page(HttpStatus.FORBIDDEN, "LABEL_INVALID", links.refusalLanguage(returnKey,
                    BuyerLinks.Action.RETURN_LABEL, token, lang, acceptLanguage, returns::languageOf), null);
        }
        byte[] pdf = returns.labelPdf(returnKey);
        if (pdf == null) {
            return page(HttpStatus.NOT_FOUND, "NO_LABEL", returns.languageOf(returnKey), returns.storeNameOf(returnKey));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + returnKey + ".pdf\"").body(pdf);
    }

    /** A page instead of the label; {@code storeName} heads it when the link was valid (null otherwise). */
    private ResponseEntity<byte[]> page(HttpStatus status, String state, String language, String storeName) {
        Map<String, Object> model = new HashMap<>();
        model.put("state", state);
        if (storeName != null) {
            model.put("storeName", storeName);
        }
        String html = templates.renderPage("buyer-return", language, model).html();
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY")
                .body(html.getBytes(StandardCharsets.UTF_8));
    }
}
