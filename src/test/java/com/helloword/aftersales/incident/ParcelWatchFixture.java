package com.helloword.aftersales.incident;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.helloword.aftersales.carrier.TrackingPort;
import com.helloword.aftersales.carrier.TrackingRecorder;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.orders.OrderImportService;

/**
 * The parcel watch tests' orders: shipped orders of a run (imported as CSV, the buyer's language and the
 * destination country as given), registered with 17TRACK as the registration sweep leaves them, and scans recorded
 * the way a push or a poll records them.
 */
final class ParcelWatchFixture {

    final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final OrderImportService imports;
    private final SalesOrderRepository orders;
    private final ParcelRegistrationRepository registrations;
    private final TrackingRecorder recorder;
    private int next;

    ParcelWatchFixture(OrderImportService imports, SalesOrderRepository orders,
            ParcelRegistrationRepository registrations, TrackingRecorder recorder) {
        this.imports = imports;
        this.orders = orders;
        this.registrations = registrations;
        this.recorder = recorder;
    }

    /** A shipped, not yet registered order; its tracking number is {@code PW<run><n>}. */
    SalesOrder shipped(String store, String country, String language, String carrier, Instant shippedAt)
            throws Exception {
        next++;
        String orderId = "PW-" + run + "-" + next;
        String tracking = "PW" + run + next + "X";
        String csv = "store_id,platform_order_id,buyer_email,buyer_name,buyer_language,destination_country,currency,"
                + "ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,batch,quantity,unit_price\n"
                + store + "," + orderId + ",pw." + run.toLowerCase() + "." + next + "@example.com,Kim," + language + ","
                + country + ",EUR," + shippedAt.minusSeconds(86_400) + "," + shippedAt + ",," + carrier + ","
                + tracking + ",SHIPPED,SKU-PW,,1,20.00\n";
        imports.importCsv(new StringReader(csv));
        return orders.findWithLines(store, orderId).orElseThrow();
    }

    /** A shipped order registered with 17TRACK (as the registration sweep leaves an accepted number). */
    SalesOrder registered(String store, String country, String language, String carrier, Instant shippedAt)
            throws Exception {
        SalesOrder order = shipped(store, country, language, carrier, shippedAt);
        ParcelRegistration registration = new ParcelRegistration(order.getId(), order.getTrackingNumber(),
                order.getCarrier(), shippedAt);
        registration.registered(shippedAt);
        registrations.save(registration);
        return order;
    }

    /** A scan of the order's parcel (status and sub-status as 17TRACK words them), recorded as a push. */
    String scan(SalesOrder order, Instant at, TrackingStatus status, String subStatus, String description) {
        return recorder.record(new TrackingPort.TrackingSnapshot(order.getTrackingNumber(), order.getCarrier(), status,
                subStatus, List.of(new TrackingPort.TrackedEvent(at, status, subStatus, description, "HUB " + run,
                        null))), "17track");
    }

    /** The e-mail address of the order's buyer (one buyer per order of the run). */
    String email(SalesOrder order) {
        String id = order.getPlatformOrderId();
        return "pw." + run.toLowerCase() + "." + id.substring(id.lastIndexOf('-') + 1) + "@example.com";
    }

    SalesOrder reload(SalesOrder order) {
        return orders.findById(order.getId()).orElseThrow();
    }
}
