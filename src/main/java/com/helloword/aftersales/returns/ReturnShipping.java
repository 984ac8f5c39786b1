package com.helloword.aftersales.returns;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.carrier.ReturnLabel;
import com.helloword.aftersales.carrier.ReturnLabelPort;
import com.helloword.aftersales.carrier.ReturnLabelRequest;
import com.helloword.aftersales.carrier.TrackingPort;
import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort;

/**
 * The parcels of a return: the return label (DHL Parcel DE Returns) made from the delivery
 * address the platform has for the order (read when the label is made, never stored), the label
 * mail with a signed download link, tracking of the return parcel, and the exchange order.
 */
@Service
public class ReturnShipping {

    private static final Logger LOG = LoggerFactory.getLogger(ReturnShipping.class);
    static final String CARRIER = "DHL";

    private final ReturnService returns;
    private final MarketplacePort marketplace;
    private final ReturnLabelPort labels;
    private final TrackingPort tracking;
    private final BuyerLinks links;
    private final String receiverId;
    private final PlatformReturnEntryRepository platformReturns;

    ReturnShipping(ReturnService returns, MarketplacePort marketplace, ReturnLabelPort labels, TrackingPort tracking,
            BuyerLinks links, ReturnSettings settings, PlatformReturnEntryRepository platformReturns) {
        this.platformReturns = platformReturns;
        this.returns = returns;
        this.marketplace = marketplace;
        this.labels = labels;
        this.tracking = tracking;
        this.links = links;
        this.receiverId = settings.dhlReceiverId() == null || settings.dhlReceiverId().isBlank() ? "deu"
                : settings.dhlReceiverId();
    }

    /**
     * Makes the return label once: DHL has no idempotency, so a return that has a label never asks
     * again (the step's retry after a failure before the label was stored may leave one unused
     * label number under the same reference, see DhlReturnLabels).
     */
    @Transactional
    public void createLabel(long returnId) {
        ReturnRequest r = returns.returnOf(returnId);
        if (r.getLabelTracking() != null) {
            return;
        }
        if (r.getPlatformReturnId() != null) {
            returns.approveOnPlatform(returnId);
            if (platformLabel(r)) {
                return;
            }
        }
        MarketplacePort.ShipTo to = marketplace.getShipTo(new MarketplacePort.ShipToRef(
                r.getOrder().getStore().getId(), r.getOrder().getPlatformOrderId()));
        if (to.houseNumber() == null || to.houseNumber().isBlank()) {
            throw new IllegalStateException("The delivery address of order " + r.getOrder().getPlatformOrderId()
                    + " has no house number DHL can read; make the label in the DHL portal and enter it on return "
                    + r.getReturnKey());
        }
        ReturnLabel label = labels.createReturnLabel(new ReturnLabelRequest(receiverId,
                r.getOrder().getPlatformOrderId(), null, to.name(), to.street(), to.houseNumber(), to.postalCode(),
                to.city(), null, null, null, r.getOrder().getCurrency(), "return:" + r.getReturnKey() + ":label"));
        r.labelSent(CARRIER, label.shipmentNumber(), label.labelPdf(), returns.now());
    }

    /**
     * The label of a return the buyer opened on the platform: the one the platform already gave the
     * buyer (Amazon's prepaid label, in its returns report), or the platform's own label made now (eBay).
     * False when the platform makes none: then the carrier makes it.
     */
    private boolean platformLabel(ReturnRequest r) {
        String storeId = r.getOrder().getStore().getId();
        PlatformReturnEntry entry = platformReturns.findByStoreIdAndPlatformReturnId(storeId, r.getPlatformReturnId())
                .orElse(null);
        if (entry != null && entry.getTrackingNumber() != null) {
            r.labelSent(ReturnRequest.LabelSource.PLATFORM, entry.getCarrier() == null ? "platform" : entry.getCarrier(),
                    entry.getTrackingNumber(), null, returns.now());
            return true;
        }
        try {
            MarketplacePort.PlatformLabel label = marketplace.platformReturnLabel(new MarketplacePort.PlatformReturnCommand(
                    storeId, r.getPlatformReturnId(), r.getOrder().getPlatformOrderId(), "Return " + r.getReturnKey(),
                    "return:" + r.getReturnKey() + ":label"));
            r.labelSent(ReturnRequest.LabelSource.PLATFORM, label.carrier(), label.trackingNumber(),
                    label.buyerGetsItFromPlatform() ? null : label.labelPdf(), returns.now());
            return true;
        } catch (PlatformCannotException cannot) {
            r.record("CARRIER_LABEL", cannot.insteadAdvice(), returns.now());
            return false;
        }
    }

    /**
     * The label mail in the buyer's language, with the download link; and tracking of the parcel starts.
     * A label the platform gave the buyer itself is not mailed again.
     */
    @Transactional
    public void sendLabel(long returnId) {
        ReturnRequest r = returns.returnOf(returnId);
        if (r.getLabelSource() == ReturnRequest.LabelSource.PLATFORM && r.getLabelPdf() == null) {
            r.record("LABEL_ON_PLATFORM", "the buyer has the label in their " + r.getOrder().getStore().getPlatform()
                    + " account", returns.now());
            track(r);
            return;
        }
        Map<String, Object> model = returns.baseModel(r);
        model.put("tracking", r.getLabelTracking());
        model.put("carrier", r.getCarrier());
        model.put("labelUrl", links.returnLabelUrl(r.getReturnKey(), ReturnService.language(r)));
        model.put("postagePaidBy", String.valueOf(r.getPostagePaidBy()));
        model.put("freePickup", Boolean.TRUE.equals(r.getFreePickup()));
        if (r.getLastDay() != null) {
            model.put("lastDay", r.getLastDay().toString());
        }
        returns.queue(r, "label", "return-label", model);
        track(r);
    }

    private void track(ReturnRequest r) {
        try {
            tracking.register(List.of(new TrackingPort.Parcel(r.getLabelTracking(), r.getCarrier(), r.getReturnKey())));
        } catch (ProviderFailure failure) {
            // the label is out; tracking registers again when the parcel is scanned by the warehouse
            LOG.warn("Tracking of return parcel {} not registered: {}", r.getReturnKey(), failure.getMessage());
        }
    }

    /**
     * The replacement order for an exchange, created at the platform once. Returns false when the
     * platform cannot create it: then the warehouse ships it by hand.
     */
    @Transactional
    public boolean orderExchange(long returnId) {
        ReturnRequest r = returns.returnOf(returnId);
        if (r.getPlatformRef() != null) {
            return true;
        }
        List<MarketplacePort.ExchangeLine> lines = r.getOrder().getLines().stream()
                .filter(l -> r.getSku() == null || l.getSku().equals(r.getSku()))
                .map(l -> new MarketplacePort.ExchangeLine(r.getExchangeSku() != null && r.getSku() != null
                        ? r.getExchangeSku() : l.getSku(), quantity(l))).toList();
        try {
            MarketplacePort.ExchangeResult result = marketplace.createExchangeOrder(
                    new MarketplacePort.ExchangeOrderCommand(r.getOrder().getStore().getId(),
                            r.getOrder().getPlatformOrderId(), lines, "Exchange for return " + r.getReturnKey(),
                            "return:" + r.getReturnKey() + ":exchange"));
            r.exchangeOrdered(result.platformOrderId(), returns.now());
            return true;
        } catch (PlatformCannotException cannot) {
            r.record("EXCHANGE_BY_HAND", cannot.insteadAdvice(), returns.now());
            return false;
        }
    }

    private static int quantity(OrderLine line) {
        return Math.max(1, line.getQuantity());
    }
}
