package com.helloword.aftersales.casefile;

import java.time.Instant;
import java.util.List;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.web.FieldProblem;

/**
 * The product catalogue: {@code POST /api/catalogue/products} (a JSON array, upserted by SKU) and
 * {@code GET /api/catalogue/products}; for managers, recall managers, the product team and admins.
 */
@RestController
class CatalogueController {

    record ProductView(String sku, String title, String brand, String model, List<String> gtins,
            List<String> keywords, Instant updatedAt) {
    }

    private static final String[] GROUPS = {Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.RECALL_MANAGERS,
            Groups.PRODUCT_TEAM};

    private final CatalogueImport importer;
    private final CatalogueProductRepository products;
    private final ApiAccess access;
    private final ObjectMapper json;

    CatalogueController(CatalogueImport importer, CatalogueProductRepository products, ApiAccess access,
            ObjectMapper json) {
        this.importer = importer;
        this.products = products;
        this.access = access;
        this.json = json;
    }

    @PostMapping("/api/catalogue/products")
    CatalogueImport.Result importProducts(@RequestBody(required = false) String body) {
        access.requireAnyGroup(GROUPS);
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CatalogueImport.Rejected(List.of(FieldProblem.of("body", "is not JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
        }
        return importer.importProducts(tree);
    }

    @GetMapping("/api/catalogue/products")
    @Transactional(readOnly = true)
    List<ProductView> products() {
        access.requireAnyGroup(GROUPS);
        return products.findAllByOrderBySkuAsc().stream().map(p -> new ProductView(p.getSku(), p.getTitle(),
                p.getBrand(), p.getModel(), p.getGtins(), p.getKeywords(), p.getUpdatedAt())).toList();
    }
}
