package com.helloword.aftersales.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.returns.api.SkuReturnRateAlert;
import com.helloword.aftersales.security.Groups;

/**
 * The product-quality loop: the return rate of each SKU (returns requested / units shipped) over the last
 * {@code aftersales.returns.quality-window} (90 days) against its category's average; the skuReturnAlert
 * table says when it is too high: the product team hears of it once a week per SKU, and purchasing of the
 * SKU pauses until their improvement plan (the quality capability hears of it as a {@link SkuReturnRateAlert}).
 */
@Service
public class ReturnQuality {

    /** One SKU's figures over the window. */
    public record SkuRate(String sku, String category, long returns, long shipped, double rate, double categoryRate,
            boolean alert) {
    }

    private final ReturnRequestRepository returns;
    private final SalesOrderRepository orders;
    private final QualityLoop loop;
    private final OutboxService outbox;
    private final ReturnSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReturnQuality(ReturnRequestRepository returns, SalesOrderRepository orders, QualityLoop loop, OutboxService outbox,
            ReturnSettings settings, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.returns = returns;
        this.orders = orders;
        this.loop = loop;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every SKU with returns or shipments in the window, highest rate first. */
    @Transactional
    public List<SkuRate> rates() {
        Instant since = clock.instant().minus(settings.qualityWindow());
        Map<String, Long> returned = new HashMap<>();
        for (Object[] row : returns.countBySkuSince(since)) {
            returned.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Long> shipped = new HashMap<>();
        for (Object[] row : orders.unitsShippedBySkuSince(since)) {
            shipped.put((String) row[0], row[1] == null ? 0 : ((Number) row[1]).longValue());
        }
        Map<String, long[]> byCategory = new HashMap<>();
        for (String sku : shipped.keySet()) {
            long[] totals = byCategory.computeIfAbsent(category(sku), c -> new long[2]);
            totals[0] += returned.getOrDefault(sku, 0L);
            totals[1] += shipped.get(sku);
        }
        List<SkuRate> rates = new ArrayList<>();
        for (Map.Entry<String, Long> entry : shipped.entrySet()) {
            String sku = entry.getKey();
            long units = entry.getValue();
            long back = returned.getOrDefault(sku, 0L);
            long[] totals = byCategory.get(category(sku));
            double rate = units == 0 ? 0 : (double) back / units;
            double average = totals[1] == 0 ? 0 : (double) totals[0] / totals[1];
            // only SKUs above their category's average are put to the table (each evaluation is kept in history)
            boolean candidate = units > 0 && back > 0 && rate > average;
            rates.add(new SkuRate(sku, category(sku), back, units, rate, average,
                    candidate && loop.skuAlert(rate, average, (int) Math.min(Integer.MAX_VALUE, units))));
        }
        rates.sort(Comparator.comparingDouble(SkuRate::rate).reversed().thenComparing(SkuRate::sku));
        return rates;
    }

    /** After a return of this SKU: the product team hears of an alert once a week. Returns whether it alerts. */
    @Transactional
    public boolean check(String sku) {
        if (sku == null) {
            return false;
        }
        for (SkuRate rate : rates()) {
            if (rate.sku().equals(sku) && rate.alert()) {
                LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                outbox.queue(new MailRequest("quality:" + sku + ":" + week, null, "quality-alert", "en",
                        RecipientType.GROUP, Groups.PRODUCT_TEAM, Map.of("sku", sku, "category", rate.category(),
                                "returns", rate.returns(), "shipped", rate.shipped(),
                                "rate", percent(rate.rate()), "categoryRate", percent(rate.categoryRate()))));
                // purchasing pauses until the product team's plan
                events.publishEvent(new SkuReturnRateAlert(sku, rate.category(), rate.returns(), rate.shipped(),
                        rate.rate(), rate.categoryRate()));
                return true;
            }
        }
        return false;
    }

    private static String percent(double rate) {
        return String.format(java.util.Locale.ROOT, "%.1f", rate * 100);
    }

    String category(String sku) {
        return settings.categoryOf(sku);
    }
}
