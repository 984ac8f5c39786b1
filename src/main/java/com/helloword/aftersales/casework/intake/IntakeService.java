package com.helloword.aftersales.casework.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.casefile.EurRates;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseMessage;
import com.helloword.aftersales.casework.CaseMessageRepository;
import com.helloword.aftersales.casework.CaseStatus;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.casework.Severity;
import com.helloword.aftersales.casework.api.SafetyCaseOpened;
import com.helloword.aftersales.casework.escalation.CaseGrading;
import com.helloword.aftersales.casework.escalation.EmergencyAfterSales;
import com.helloword.aftersales.casework.escalation.PreparedText;
import com.helloword.aftersales.casework.escalation.TeamHours;
import com.helloword.aftersales.returns.api.CaseReturns;
import com.helloword.aftersales.workflow.WaitingProcesses;

/**
 * Takes a buyer's message in: once per (channel, external message id); into the buyer's open case
 * about the same order when there is one (the process hears of it as a follow-up and the grade may
 * rise), else into a new case graded by the DMN tables, whose emergency process starts at once.
 * Everything happens in one transaction: a message that cannot be taken in leaves nothing behind.
 */
@Service
public class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    static final int MAX_BODY = 20_000;

    private final StoreRepository stores;
    private final BuyerRepository buyers;
    private final SalesOrderRepository orders;
    private final AfterSalesCaseRepository cases;
    private final CaseMessageRepository messages;
    private final CaseGrading grading;
    private final RuntimeService runtime;
    private final EurRates rates;
    private final Clock clock;
    private final Duration resolutionTime;
    private final TeamHours teamHours;
    private final ApplicationEventPublisher events;
    private final CaseReturns returns;
    private final WaitingProcesses waiting;
    private final Duration quietPeriod;
    private final Duration ratingWait;

    private final MeterRegistry meters;

    IntakeService(StoreRepository stores, BuyerRepository buyers, SalesOrderRepository orders,
            AfterSalesCaseRepository cases, CaseMessageRepository messages, CaseGrading grading, RuntimeService runtime,
            EurRates rates, Clock clock,
            @Value("${aftersales.escalation.resolution-time:PT72H}") Duration resolutionTime, TeamHours teamHours,
            ApplicationEventPublisher events, CaseReturns returns, WaitingProcesses waiting,
            @Value("${aftersales.escalation.quiet-period:P3D}") Duration quietPeriod,
            @Value("${aftersales.escalation.rating-wait:P14D}") Duration ratingWait, MeterRegistry meters) {
        this.meters = meters;
        this.stores = stores;
        this.buyers = buyers;
        this.orders = orders;
        this.cases = cases;
        this.messages = messages;
        this.grading = grading;
        this.runtime = runtime;
        this.rates = rates;
        this.clock = clock;
        this.resolutionTime = resolutionTime;
        this.teamHours = teamHours;
        this.events = events;
        this.returns = returns;
        this.waiting = waiting;
        this.quietPeriod = quietPeriod;
        this.ratingWait = ratingWait;
    }

    /** The case a message already went into, if it did. */
    @Transactional(readOnly = true)
    public Optional<IntakeResult> alreadyTaken(String channel, String externalMessageId) {
        return messages.findByChannelAndExternalMessageId(channel, externalMessageId)
                .map(m -> result(false, m.getAfterSalesCase()));
    }

    @Transactional
    public IntakeResult receive(IntakeMessage message) {
        Instant receivedAt = validate(message);
        Optional<IntakeResult> taken = alreadyTaken(message.channel(), message.externalMessageId());
        if (taken.isPresent()) {
            return taken.get();
        }
        Store store = stores.findById(message.storeId()).orElseThrow();
        Buyer buyer = buyers.findByEmail(Buyer.normaliseEmail(message.buyerEmail()))
                .orElseGet(() -> buyers.save(new Buyer(message.buyerEmail())));
        SalesOrder order = message.platformOrderId() == null || message.platformOrderId().isBlank() ? null
                : orders.findWithLines(store.getId(), message.platformOrderId().trim()).orElse(null);
        PreparedText text = PreparedText.of(message.subject(), message.body());
        String language = language(message, text, buyer, store);
        if (buyer.getLanguage() == null) {
            buyer.update(null, language, null);
        }
        Optional<AfterSalesCase> open = order == null ? Optional.empty()
                : cases.findOpen(buyer.getId(), order.getId()).stream()
                        // a case without a process (a parcel watch's record) has nobody to hear a follow-up
                        .filter(c -> c.getProcessInstanceId() != null).findFirst();
        return open.isPresent() ? followUp(open.get(), message, receivedAt, text, order)
                : newCase(message, receivedAt, text, language, store, buyer, order);
    }

    private IntakeResult newCase(IntakeMessage message, Instant receivedAt, PreparedText text, String language,
            Store store, Buyer buyer, SalesOrder order) {
        CaseGrading.Grade grade = grading.grade(text, orderValueEur(order), buyer.getTier(), 1, language);
        Instant now = clock.instant();
        AfterSalesCase afterSalesCase = new AfterSalesCase(newBusinessKey(), message.channel(), store, order, buyer,
                receivedAt);
        afterSalesCase.addMessage(MessageDirection.INBOUND, message.channel(), message.externalMessageId(),
                message.subject(), message.body(), language, receivedAt);
        afterSalesCase.grade(grade.category(), Severity.valueOf(grade.severity()), language, grade.candidateGroup(),
                grade.decisionIds());
        // the first reply is due in the team's working time: 8 h asked on Friday evening is Monday afternoon
        Instant firstReplyDue = teamHours.addWorkingTime(grade.candidateGroup(), now,
                Duration.ofMinutes(grade.firstReplyMinutes()));
        afterSalesCase.scheduleSla(now.plus(Duration.ofMinutes(grade.claimMinutes())), firstReplyDue,
                now.plus(resolutionTime));
        cases.saveAndFlush(afterSalesCase); // a copy of this message taken in at the same moment fails here
        meters.counter("aftersales.cases.intake", "channel", message.channel(), "severity", grade.severity())
                .increment(); // the intake rate (docs/metrics.md)
        // whether the case counts towards the SKU's recall signal is the categoryDetection table's answer
        if (grade.safetySignal()) {
            if (order != null) {
                events.publishEvent(new SafetyCaseOpened(afterSalesCase.getBusinessKey(), order.getId(), now));
            }
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(EmergencyAfterSales.VAR_CASE_ID, afterSalesCase.getId());
        variables.put(EmergencyAfterSales.VAR_CASE_KEY, afterSalesCase.getBusinessKey());
        variables.put(EmergencyAfterSales.VAR_SEVERITY, grade.severity());
        variables.put(EmergencyAfterSales.VAR_CATEGORY, grade.category());
        variables.put(EmergencyAfterSales.VAR_CANDIDATE_GROUP, grade.candidateGroup());
        variables.put(EmergencyAfterSales.VAR_CLAIM_DURATION, "PT" + grade.claimMinutes() + "M");
        variables.put(EmergencyAfterSales.VAR_FIRST_REPLY_DUE, Date.from(firstReplyDue));
        variables.put(EmergencyAfterSales.VAR_RESOLUTION_DUE, Date.from(now.plus(resolutionTime)));
        variables.put(EmergencyAfterSales.VAR_TEAM_OPEN, teamHours.isOpen(grade.candidateGroup(), now));
        variables.put(EmergencyAfterSales.VAR_TASK_PRIORITY, grade.taskPriority());
        variables.put(EmergencyAfterSales.VAR_QUIET_PERIOD, quietPeriod.toString());
        variables.put(EmergencyAfterSales.VAR_RATING_WAIT, ratingWait.toString());
        variables.put(EmergencyAfterSales.VAR_ORDER_VALUE_EUR, orderValueEur(order).doubleValue());
        variables.put(EmergencyAfterSales.VAR_BUYER_TIER, buyer.getTier().name());
        variables.put(EmergencyAfterSales.VAR_RETURN_COUNT,
                (int) returns.buyerRecord(buyer.getId(), now).returnedOrders());
        ProcessInstance process = runtime.startProcessInstanceByKey(EmergencyAfterSales.PROCESS_KEY,
                afterSalesCase.getBusinessKey(), variables);
        afterSalesCase.attachProcess(process.getId());
        return result(true, afterSalesCase);
    }

    private IntakeResult followUp(AfterSalesCase afterSalesCase, IntakeMessage message, Instant receivedAt,
            PreparedText text, SalesOrder order) {
        afterSalesCase.addMessage(MessageDirection.INBOUND, message.channel(), message.externalMessageId(),
                message.subject(), message.body(), afterSalesCase.getLanguage(), receivedAt);
        cases.saveAndFlush(afterSalesCase);
        CaseGrading.Grade grade = grading.grade(text, orderValueEur(order), afterSalesCase.getBuyer().getTier(),
                afterSalesCase.getContactCount(), afterSalesCase.getLanguage());
        Severity regraded = Severity.valueOf(grade.severity());
        Map<String, Object> variables = new HashMap<>();
        if (regraded.ordinal() < afterSalesCase.getSeverity().ordinal()) { // RED < YELLOW < BLUE
            afterSalesCase.raiseSeverity(regraded, grade.decisionIds());
            // the new grade's claim and first-reply times (severityGrading), counted from this message (the first
            // reply in the team's working time, as at intake); a deadline already promised stays when it is
            // earlier. The running claim timer moves to the new claim time only if that is earlier too
            Instant now = clock.instant();
            Instant claimDue = now.plus(Duration.ofMinutes(grade.claimMinutes()));
            afterSalesCase.tightenSla(claimDue, teamHours.addWorkingTime(afterSalesCase.getCandidateGroup(), now,
                    Duration.ofMinutes(grade.firstReplyMinutes())));
            variables.put(EmergencyAfterSales.VAR_SEVERITY, grade.severity());
            variables.put(EmergencyAfterSales.VAR_TASK_PRIORITY, grade.taskPriority());
            variables.put(EmergencyAfterSales.VAR_CLAIM_DURATION, "PT" + grade.claimMinutes() + "M");
            variables.put(EmergencyAfterSales.VAR_FIRST_REPLY_DUE, Date.from(afterSalesCase.getFirstReplyDueAt()));
            variables.put(EmergencyAfterSales.VAR_CLAIM_DUE, Variables.dateValue(Date.from(claimDue), true));
        }
        // after our reply the case waits for the buyer: a new message brings it back to the team;
        // while the team works on it, the message may raise the grade of the open task
        String processId = afterSalesCase.getProcessInstanceId();
        if (afterSalesCase.getStatus() == CaseStatus.WAITING_FOR_BUYER) {
            afterSalesCase.reopen();
        }
        if (!waiting.correlateIfWaiting(processId, EmergencyAfterSales.MESSAGE_BUYER_REPLIED, variables)
                && !waiting.correlateIfWaiting(processId, EmergencyAfterSales.MESSAGE_BUYER_FOLLOW_UP, variables)) {
            LOG.warn("Follow-up on case {} stored; its process no longer waits for follow-ups",
                    afterSalesCase.getBusinessKey());
        }
        return result(true, afterSalesCase);
    }

    private IntakeResult result(boolean newMessage, AfterSalesCase c) {
        return new IntakeResult(newMessage, c.getBusinessKey(), c.getCategory(), c.getLanguage(), c.getSeverity(),
                c.getCandidateGroup(), c.getContactCount());
    }

    private BigDecimal orderValueEur(SalesOrder order) {
        return order == null ? BigDecimal.ZERO : rates.toEur(order.total(), order.getCurrency());
    }

    private static String language(IntakeMessage message, PreparedText text, Buyer buyer, Store store) {
        if (message.language() != null && !message.language().isBlank()) {
            return message.language().trim().toLowerCase(Locale.ROOT).substring(0, 2);
        }
        String detected = LanguageDetector.detect(text);
        if (detected != null) {
            return detected;
        }
        return buyer.getLanguage() != null ? buyer.getLanguage() : store.getDefaultLanguage();
    }

    private static String newBusinessKey() {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        return "AS-" + HexFormat.of().withUpperCase().formatHex(random);
    }

    private Instant validate(IntakeMessage m) {
        List<IntakeRejectedException.Problem> problems = new ArrayList<>();
        require(problems, "storeId", m.storeId(), 64);
        require(problems, "channel", m.channel(), 32);
        require(problems, "externalMessageId", m.externalMessageId(), 255);
        require(problems, "buyerEmail", m.buyerEmail(), 320);
        require(problems, "body", m.body(), MAX_BODY);
        if (m.subject() != null && m.subject().length() > 500) {
            problems.add(new IntakeRejectedException.Problem("subject", "is longer than 500 characters"));
        }
        if (m.platformOrderId() != null && m.platformOrderId().length() > 100) {
            problems.add(new IntakeRejectedException.Problem("platformOrderId", "is longer than 100 characters"));
        }
        if (m.buyerEmail() != null && !EMAIL.matcher(m.buyerEmail().trim()).matches()) {
            problems.add(new IntakeRejectedException.Problem("buyerEmail", "'" + m.buyerEmail()
                    + "' is not an e-mail address"));
        }
        if (m.language() != null && !m.language().isBlank()
                && !LANGUAGE.matcher(m.language().trim().toLowerCase(Locale.ROOT)).matches()) {
            problems.add(new IntakeRejectedException.Problem("language", "'" + m.language()
                    + "' is not a two-letter ISO 639-1 code"));
        }
        if (m.storeId() != null && !m.storeId().isBlank() && !stores.existsById(m.storeId())) {
            problems.add(new IntakeRejectedException.Problem("storeId", "unknown store '" + m.storeId() + "'"));
        }
        Instant receivedAt = clock.instant();
        if (m.receivedAt() != null && !m.receivedAt().isBlank()) {
            try {
                receivedAt = OffsetDateTime.parse(m.receivedAt()).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new IntakeRejectedException.Problem("receivedAt", "'" + m.receivedAt()
                        + "' is not an ISO-8601 time with offset"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IntakeRejectedException(problems);
        }
        return receivedAt;
    }

    private static void require(List<IntakeRejectedException.Problem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new IntakeRejectedException.Problem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new IntakeRejectedException.Problem(field, "is longer than " + max + " characters"));
        }
    }
}
