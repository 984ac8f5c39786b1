package com.helloword.aftersales.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.buyer.erasure.ErasureMarks;
import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;

/**
 * Turns an outbox row into a MIME message: looks up the recipient's address and name now (never
 * stored in the outbox), renders the template in the row's language, and sets a Message-ID derived
 * from the idempotency key, so a retried mail carries the same id.
 */
@Component
class MailComposer {

    private final JavaMailSender mailSender;
    private final MailTemplates templates;
    private final BuyerRepository buyers;
    private final CaseKeyResolver cases;
    private final IdentityService identityService;
    private final ObjectMapper objectMapper;
    private final String from;

    MailComposer(JavaMailSender mailSender, MailTemplates templates, BuyerRepository buyers,
            CaseKeyResolver cases, IdentityService identityService, ObjectMapper objectMapper,
            @Value("${aftersales.mail.from}") String from) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.buyers = buyers;
        this.cases = cases;
        this.identityService = identityService;
        this.objectMapper = objectMapper;
        this.from = from;
    }

    private record Recipient(List<String> addresses, String name) {
    }

    @Transactional(readOnly = true)
    public MimeMessage compose(OutboxMessage message) {
        Recipient recipient = recipient(message);
        Map<String, Object> model = new HashMap<>(model(message));
        if (recipient.name() != null) {
            model.putIfAbsent("recipientName", recipient.name());
        }
        if (message.getCaseId() != null) {
            cases.caseKey(message.getCaseId()).ifPresent(key -> model.putIfAbsent("caseKey", key));
        }
        RenderedMail mail = templates.render(message.getTemplate(), message.getLanguage(), model);
        try {
            MimeMessage mime = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(recipient.addresses().toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            mime.setHeader("Content-Language", mail.language());
            mime.setHeader("Message-ID", messageId(message.getIdempotencyKey(), from));
            return mime;
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot build the mail for " + message.getIdempotencyKey(), e);
        }
    }

    private Recipient recipient(OutboxMessage message) {
        return switch (RecipientType.valueOf(message.getRecipientType())) {
            case BUYER -> {
                Buyer buyer = buyers.findById(Long.valueOf(message.getRecipientRef())).orElseThrow(
                        () -> new RecipientUnavailableException("Buyer " + message.getRecipientRef() + " is gone"));
                if (ErasureMarks.isErased(buyer.getId(), buyer.getEmail())) {
                    throw new RecipientUnavailableException("Buyer " + buyer.getId() + "'s personal data was erased");
                }
                yield new Recipient(List.of(buyer.getEmail()), buyer.getName());
            }
            case GROUP -> {
                List<String> addresses = identityService.createUserQuery().memberOfGroup(message.getRecipientRef())
                        .list().stream().map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList();
                if (addresses.isEmpty()) {
                    throw new RecipientUnavailableException("Nobody in group " + message.getRecipientRef()
                            + " has an e-mail address");
                }
                yield new Recipient(addresses, null);
            }
            case ADDRESS -> new Recipient(List.of(message.getRecipientRef()), null);
        };
    }

    private Map<String, Object> model(OutboxMessage message) {
        if (message.getModelJson() == null || message.getModelJson().isBlank()) {
            return Map.of();
        }
        try {
            return objectMapper.readValue(message.getModelJson(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new MailPreparationException("The model of " + message.getIdempotencyKey() + " is not JSON", e);
        }
    }

    static String messageId(String idempotencyKey, String from) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "aftersales.local";
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
