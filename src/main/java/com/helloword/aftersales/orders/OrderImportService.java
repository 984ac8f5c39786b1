package com.helloword.aftersales.orders;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;

/**
 * Imports orders: reads and validates the whole request first (every problem reported with its
 * line), then upserts everything in one transaction keyed on (store, platform order id). A request
 * with any problem writes nothing.
 */
@Service
public class OrderImportService {

    private static final int CHUNK = 500;

    private final StoreRepository stores;
    private final BuyerRepository buyers;
    private final SalesOrderRepository orders;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    private final ObjectMapper objectMapper;
    private final int maxReportedProblems;

    OrderImportService(StoreRepository stores, BuyerRepository buyers, SalesOrderRepository orders,
            EntityManager entityManager, TransactionTemplate transaction, ObjectMapper objectMapper,
            @Value("${aftersales.importing.max-reported-errors:200}") int maxReportedProblems) {
        this.stores = stores;
        this.buyers = buyers;
        this.orders = orders;
        this.entityManager = entityManager;
        this.transaction = transaction;
        this.objectMapper = objectMapper;
        this.maxReportedProblems = maxReportedProblems;
    }

    public OrderImportResult importJson(InputStream json) throws IOException {
        ProblemCollector problems = new ProblemCollector(maxReportedProblems);
        List<RawOrder> raw = JsonOrderReader.read(json, objectMapper, problems);
        return validateAndWrite(raw, problems, f -> f.jsonName);
    }

    public OrderImportResult importCsv(Reader csv) throws IOException {
        ProblemCollector problems = new ProblemCollector(maxReportedProblems);
        List<RawOrder> raw = CsvOrderReader.read(csv, problems);
        return validateAndWrite(raw, problems, f -> f.csvName);
    }

    private OrderImportResult validateAndWrite(List<RawOrder> raw, ProblemCollector problems,
            Function<OrderField, String> names) {
        List<ImportedOrder> valid = new ArrayList<>(raw.size());
        Map<String, Integer> firstLineOfOrder = new HashMap<>();
        for (RawOrder rawOrder : raw) {
            ImportedOrder order = rawOrder.validate(problems, names);
            if (order == null) {
                continue;
            }
            Integer first = firstLineOfOrder.putIfAbsent(order.key(), order.line());
            if (first != null) {
                problems.add(order.line(), names.apply(OrderField.PLATFORM_ORDER_ID), "order "
                        + order.platformOrderId() + " of store " + order.storeId() + " appears again (first at line "
                        + first + ")");
            } else {
                valid.add(order);
            }
        }
        checkStores(valid, problems, names.apply(OrderField.STORE_ID));
        problems.throwIfAny();
        return transaction.execute(status -> write(valid));
    }

    private void checkStores(List<ImportedOrder> valid, ProblemCollector problems, String field) {
        Set<String> wanted = valid.stream().map(ImportedOrder::storeId).collect(Collectors.toSet());
        Map<String, Store> known = stores.findAllById(wanted).stream()
                .collect(Collectors.toMap(Store::getId, Function.identity()));
        String knownIds = null;
        for (ImportedOrder order : valid) {
            Store store = known.get(order.storeId());
            if (store == null) {
                if (knownIds == null) {
                    knownIds = new TreeSet<>(stores.findAll().stream().map(Store::getId).toList()).toString();
                }
                problems.add(order.line(), field, "unknown store '" + order.storeId() + "'; known stores: "
                        + knownIds);
            } else if (!store.isActive()) {
                problems.add(order.line(), field, "store '" + order.storeId() + "' is not active");
            }
        }
    }

    private OrderImportResult write(List<ImportedOrder> imported) {
        Counts counts = new Counts();
        Map<String, Long> buyerIds = upsertBuyers(imported, counts);

        Map<String, List<ImportedOrder>> byStore = new LinkedHashMap<>();
        for (ImportedOrder order : imported) {
            byStore.computeIfAbsent(order.storeId(), s -> new ArrayList<>()).add(order);
        }
        for (Map.Entry<String, List<ImportedOrder>> storeOrders : byStore.entrySet()) {
            List<ImportedOrder> list = storeOrders.getValue();
            for (int from = 0; from < list.size(); from += CHUNK) {
                upsertOrders(storeOrders.getKey(), list.subList(from, Math.min(list.size(), from + CHUNK)), buyerIds,
                        counts);
                entityManager.flush();
                entityManager.clear();
            }
        }
        return counts.result();
    }

    private Map<String, Long> upsertBuyers(List<ImportedOrder> imported, Counts counts) {
        Map<String, ImportedOrder.ImportedBuyer> latest = new LinkedHashMap<>();
        for (ImportedOrder order : imported) {
            latest.put(order.buyer().email(), order.buyer());
        }
        Map<String, Long> ids = new HashMap<>();
        List<String> emails = new ArrayList<>(latest.keySet());
        for (int from = 0; from < emails.size(); from += CHUNK) {
            List<String> chunk = emails.subList(from, Math.min(emails.size(), from + CHUNK));
            Map<String, Buyer> inChunk = buyers.findByEmailIn(chunk).stream()
                    .collect(Collectors.toMap(Buyer::getEmail, Function.identity()));
            for (String email : chunk) {
                ImportedOrder.ImportedBuyer details = latest.get(email);
                Buyer buyer = inChunk.get(email);
                if (buyer == null) {
                    buyer = new Buyer(email);
                    buyer.update(details.name(), details.language(), details.country());
                    entityManager.persist(buyer);
                    inChunk.put(email, buyer);
                    counts.buyersCreated++;
                } else if (buyer.update(details.name(), details.language(), details.country())) {
                    counts.buyersUpdated++;
                }
            }
            entityManager.flush();
            inChunk.values().forEach(b -> ids.put(b.getEmail(), b.getId()));
            entityManager.clear();
        }
        return ids;
    }

    private void upsertOrders(String storeId, List<ImportedOrder> chunk, Map<String, Long> buyerIds, Counts counts) {
        Map<String, SalesOrder> existing = orders
                .findWithLines(storeId, chunk.stream().map(ImportedOrder::platformOrderId).toList()).stream()
                .collect(Collectors.toMap(SalesOrder::getPlatformOrderId, Function.identity()));
        Store store = entityManager.getReference(Store.class, storeId);
        for (ImportedOrder imported : chunk) {
            Buyer buyer = entityManager.getReference(Buyer.class, buyerIds.get(imported.buyer().email()));
            SalesOrder order = existing.get(imported.platformOrderId());
            boolean created = order == null;
            if (created) {
                order = new SalesOrder(store, imported.platformOrderId(), buyer);
            }
            boolean changed = order.apply(buyer, imported.details());
            SalesOrder.LineChanges lines = order.replaceLines(imported.lines());
            if (created) {
                // Hibernate takes the insert's values at persist time, so persist the complete order
                entityManager.persist(order);
            }
            if (created) {
                counts.ordersCreated++;
            } else if (changed || lines.created() + lines.updated() + lines.removed() > 0) {
                counts.ordersUpdated++;
            } else {
                counts.ordersUnchanged++;
            }
            counts.linesCreated += lines.created();
            counts.linesUpdated += lines.updated();
            counts.linesUnchanged += lines.unchanged();
            counts.linesRemoved += lines.removed();
        }
    }

    private static final class Counts {
        int ordersCreated;
        int ordersUpdated;
        int ordersUnchanged;
        int linesCreated;
        int linesUpdated;
        int linesUnchanged;
        int linesRemoved;
        int buyersCreated;
        int buyersUpdated;

        OrderImportResult result() {
            return new OrderImportResult(ordersCreated, ordersUpdated, ordersUnchanged, linesCreated, linesUpdated,
                    linesUnchanged, linesRemoved, buyersCreated, buyersUpdated);
        }
    }
}
