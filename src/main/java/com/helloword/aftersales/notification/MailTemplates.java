package com.helloword.aftersales.notification;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.TemplateScalarModel;

/**
 * Renders {@code templates/mail/<name>/<language>.ftlh}: HTML, auto-escaped, in the buyer's
 * language, falling back to English (logged) where a translation is missing. A template sets
 * {@code subject}; the plain-text alternative is derived from the HTML. Templates cannot create
 * Java objects ({@code ?new}) or reach Java APIs ({@code ?api}).
 */
@Component
public class MailTemplates {

    static final String FALLBACK_LANGUAGE = "en";
    private static final String MAIL = "mail";
    private static final String PAGES = "pages";
    private static final String RECIPIENT_NAME = "recipientName";
    private static final Logger LOG = LoggerFactory.getLogger(MailTemplates.class);

    private final Configuration freemarker;
    /** Heads a buyer page that knows no store yet (aftersales.buyer-pages.seller-name); blank: no heading. */
    private volatile String sellerName = "";

    MailTemplates() {
        freemarker = new Configuration(Configuration.VERSION_2_3_33);
        freemarker.setClassForTemplateLoading(MailTemplates.class, "/templates");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    public RenderedMail render(String template, String language, Map<String, Object> model) {
        return render(MAIL, template, language, model);
    }

    /**
     * A small page a buyer reaches from a link in our mail ({@code templates/pages/<name>/<language>.ftlh}),
     * with the same escaping, restrictions and English fallback as mail; its {@code subject} is the title.
     */
    public RenderedMail renderPage(String page, String language, Map<String, Object> model) {
        if (model.containsKey("storeName") || sellerName.isBlank()) {
            return render(PAGES, page, language, model);
        }
        Map<String, Object> withSeller = new HashMap<>(model);
        withSeller.put("sellerName", sellerName);
        return render(PAGES, page, language, withSeller);
    }

    /** The seller's name for the buyer pages that know no store yet (the return form, a refused link). */
    @Autowired
    void setSellerName(@Value("${aftersales.buyer-pages.seller-name:}") String sellerName) {
        this.sellerName = sellerName == null ? "" : sellerName.strip();
    }

    private RenderedMail render(String root, String template, String language, Map<String, Object> model) {
        String wanted = language == null || language.isBlank() || !language.matches("[a-z]{2}") ? FALLBACK_LANGUAGE
                : language;
        Found found = find(root, template, wanted);
        Template source = found.template();
        String used = found.language();
        StringWriter html = new StringWriter();
        try {
            Map<String, Object> data = new HashMap<>(model);
            data.put("lang", used);
            trimRecipientName(data);
            Environment environment = source.createProcessingEnvironment(data, html);
            environment.process();
            TemplateModel subject = environment.getVariable("subject");
            if (!(subject instanceof TemplateScalarModel scalar)) {
                throw new MailTemplateException("Template " + source.getName() + " does not set a subject", null);
            }
            String body = html.toString();
            return new RenderedMail(scalar.getAsString().strip(), body, HtmlToText.convert(body), used);
        } catch (TemplateException | IOException e) {
            throw new MailTemplateException("Template " + source.getName() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The buyer's name as the greeting prints it: trimmed, and left out when blank, so that every template's
     * {@code <#if recipientName?has_content>} picks its nameless greeting ("Guten Tag,", not "Guten Tag ,").
     */
    private static void trimRecipientName(Map<String, Object> data) {
        if (data.get(RECIPIENT_NAME) instanceof String name) {
            if (name.isBlank()) {
                data.remove(RECIPIENT_NAME);
            } else {
                data.put(RECIPIENT_NAME, name.strip());
            }
        }
    }

    /** Fails at once (when a step decides to send) if the template has no English version to fall back on. */
    public void requireTemplate(String template) {
        find(MAIL, template, FALLBACK_LANGUAGE);
    }

    private record Found(Template template, String language) {
    }

    private Found find(String root, String template, String language) {
        try {
            return new Found(freemarker.getTemplate(path(root, template, language)), language);
        } catch (TemplateNotFoundException missing) {
            if (language.equals(FALLBACK_LANGUAGE)) {
                throw new MailTemplateException("No template " + path(root, template, language), missing);
            }
            LOG.warn("Template {}/{} has no {} version; using the English one", root, template, language);
            return find(root, template, FALLBACK_LANGUAGE);
        } catch (IOException e) {
            throw new MailTemplateException("Cannot read template " + path(root, template, language), e);
        }
    }

    private static String path(String root, String template, String language) {
        if (!template.matches("[a-z0-9-]+") || !language.matches("[a-z]{2}")) {
            throw new MailTemplateException("Invalid template or language: " + template + "/" + language, null);
        }
        return root + "/" + template + "/" + language + ".ftlh";
    }
}
