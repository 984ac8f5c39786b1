package com.helloword.aftersales.dispute;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.platform.MarketplacePort.HoldResult;
import com.helloword.aftersales.platform.MarketplacePort.OrderHoldCommand;
import com.helloword.aftersales.security.Groups;

/**
 * The freeze of a dispute: every other order of the same buyer, in every store of the seller, that is placed or
 * shipped and not delivered is held — through the platform's fulfilment hold where it has one (Shopify's hold with
 * the handle {@code dispute:<key>}), else by a task for the warehouse not to ship it — and shown as {@code frozen}
 * in the order API while any dispute holds it. Releasing lifts the platform hold, withdraws a warehouse task nobody
 * has acted on, or asks the warehouse to ship an order it held. A platform that fails makes the step fail (the job
 * is retried); the holds and releases are idempotent, so a retry does each once.
 */
@Component
class OrderFreezes {

    private static final Logger LOG = LoggerFactory.getLogger(OrderFreezes.class);

    private final SalesOrderRepository orders;
    private final DisputeFreezeRepository freezes;
    private final DisputeEventRepository events;
    private final MarketplacePort marketplace;
    private final TaskService tasks;
    private final HistoryService history;
    private final Clock clock;

    OrderFreezes(SalesOrderRepository orders, DisputeFreezeRepository freezes, DisputeEventRepository events,
            MarketplacePort marketplace, TaskService tasks, HistoryService history, Clock clock) {
        this.orders = orders;
        this.freezes = freezes;
        this.events = events;
        this.marketplace = marketplace;
        this.tasks = tasks;
        this.history = history;
        this.clock = clock;
    }

    static String holdKey(Dispute dispute) {
        return "dispute:" + dispute.getKey();
    }

    /** Freezes the buyer's other in-transit orders; returns how many this dispute holds now. */
    @Transactional
    public int freeze(Dispute dispute) {
        List<SalesOrder> others = orders.findUndelivered(dispute.getBuyerId(),
                EnumSet.of(OrderStatus.PLACED, OrderStatus.SHIPPED)).stream()
                .filter(o -> !o.getId().equals(dispute.getOrderId())).toList();
        int held = 0;
        for (SalesOrder order : others) {
            if (freezes.findByDisputeIdAndOrderId(dispute.getId(), order.getId()).isPresent()) {
                held++;
                continue;
            }
            String reason = "Dispute " + dispute.getKey() + " about order " + dispute.getPlatformOrderId() + " ("
                    + dispute.getStoreId() + ") of the same buyer: do not ship until it is over";
            DisputeFreeze freeze;
            try {
                HoldResult result = marketplace.holdOrder(new OrderHoldCommand(order.getStore().getId(),
                        order.getPlatformOrderId(), reason, holdKey(dispute)));
                freeze = new DisputeFreeze(dispute.getId(), order.getId(), order.getStore().getId(),
                        order.getPlatformOrderId(), DisputeFreeze.HOLD, null, describe("held", result),
                        clock.instant());
            } catch (PlatformCannotException cannot) {
                Task task = tasks.newTask();
                task.setName("Hold order " + order.getPlatformOrderId() + " (" + order.getStore().getId() + ")");
                task.setDescription(reason + ". " + cannot.insteadAdvice() + ". Complete this task once the order"
                        + " is held; dispute arbitration asks for it to be shipped when the dispute is over.");
                task.setPriority(70);
                tasks.saveTask(task);
                tasks.addCandidateGroup(task.getId(), Groups.WAREHOUSE);
                freeze = new DisputeFreeze(dispute.getId(), order.getId(), order.getStore().getId(),
                        order.getPlatformOrderId(), DisputeFreeze.WAREHOUSE, task.getId(),
                        "warehouse task " + task.getId() + ": " + cannot.getMessage(), clock.instant());
            }
            freezes.save(freeze);
            order.freeze("dispute " + dispute.getKey());
            events.save(new DisputeEvent(dispute.getId(), clock.instant(), "FROZEN", null, order.getStore().getId()
                    + " " + order.getPlatformOrderId() + " by " + freeze.getMethod() + ": " + freeze.getDetail()));
            held++;
        }
        return held;
    }

    /** Releases every order the dispute still holds. */
    @Transactional
    public int release(Dispute dispute) {
        int released = 0;
        for (DisputeFreeze freeze : freezes.findByDisputeIdOrderByIdAsc(dispute.getId())) {
            if (!freeze.isHeld()) {
                continue;
            }
            String detail;
            if (DisputeFreeze.HOLD.equals(freeze.getMethod())) {
                HoldResult result = marketplace.releaseOrder(new OrderHoldCommand(freeze.getStoreId(),
                        freeze.getPlatformOrderId(), "Dispute " + dispute.getKey() + " is over", holdKey(dispute)));
                detail = describe("released", result);
            } else {
                detail = releaseByWarehouse(dispute, freeze);
            }
            freeze.released(detail, clock.instant());
            freezes.flush();
            if (!freezes.existsByOrderIdAndState(freeze.getOrderId(), DisputeFreeze.HELD)) {
                orders.findById(freeze.getOrderId()).ifPresent(SalesOrder::release);
            }
            events.save(new DisputeEvent(dispute.getId(), clock.instant(), "RELEASED", null, freeze.getStoreId() + " "
                    + freeze.getPlatformOrderId() + ": " + detail));
            released++;
        }
        return released;
    }

    private String releaseByWarehouse(Dispute dispute, DisputeFreeze freeze) {
        Task open = freeze.getTaskId() == null ? null : tasks.createTaskQuery().taskId(freeze.getTaskId()).singleResult();
        if (open != null) {
            tasks.deleteTask(open.getId(), "dispute " + dispute.getKey() + " is over before the order was held");
            return "warehouse task " + open.getId() + " withdrawn: nobody had held the order yet";
        }
        boolean held = freeze.getTaskId() != null && history.createHistoricTaskInstanceQuery()
                .taskId(freeze.getTaskId()).finished().count() > 0;
        if (!held) {
            LOG.warn("Freeze of {} {} (dispute {}) has no warehouse task any more; asking to ship it anyway",
                    freeze.getStoreId(), freeze.getPlatformOrderId(), dispute.getKey());
        }
        Task ship = tasks.newTask();
        ship.setName("Ship order " + freeze.getPlatformOrderId() + " (" + freeze.getStoreId() + ") again");
        ship.setDescription("Dispute " + dispute.getKey() + " is over: the order held for it may be shipped as usual."
                + " Complete this task once it is on its way.");
        ship.setPriority(60);
        tasks.saveTask(ship);
        tasks.addCandidateGroup(ship.getId(), Groups.WAREHOUSE);
        return "warehouse asked to ship it again (task " + ship.getId() + ")";
    }

    /** The orders the dispute holds now, as (store, order). */
    @Transactional(readOnly = true)
    public List<DisputeFreeze> held(Dispute dispute) {
        return freezes.findByDisputeIdOrderByIdAsc(dispute.getId()).stream().filter(DisputeFreeze::isHeld).toList();
    }

    private static String describe(String verb, HoldResult result) {
        String text = verb + " " + result.changed().size() + " fulfilment order(s)" + (result.alreadyInPlace().isEmpty()
                ? "" : ", " + result.alreadyInPlace().size() + " already so");
        return result.note() == null ? text : text + " (" + result.note() + ")";
    }
}
