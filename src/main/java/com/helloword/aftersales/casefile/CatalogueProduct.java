package com.helloword.aftersales.casefile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A product the seller sells, as a regulator would name it: SKU (unique), title, brand, model (type / model
 * number), its barcodes (GTINs in the 14-digit form of {@link Gtins}) and the words it goes by. Regulator
 * notices are matched against these (recall/).
 */
@Entity
@Table(name = "catalogue_products")
public class CatalogueProduct extends CaseFileEntity {

    private static final String KEYWORD_SEPARATOR = "|";

    @Column(updatable = false)
    private String sku;
    private String title;
    private String brand;
    private String model;
    private String gtins;
    private String keywords;
    private Instant updatedAt;
    @Version
    private long version;

    protected CatalogueProduct() {
    }

    /** What an import says of a product; gtins already normalised. */
    public record Details(String sku, String title, String brand, String model, List<String> gtins,
            List<String> keywords) {
    }

    CatalogueProduct(Details details, Instant at) {
        this.sku = details.sku();
        apply(details, at);
    }

    /** Takes the import's details; returns whether anything changed. */
    boolean apply(Details details, Instant at) {
        String joinedGtins = details.gtins().isEmpty() ? null : String.join(",", details.gtins());
        String joinedKeywords = details.keywords().isEmpty() ? null
                : String.join(KEYWORD_SEPARATOR, details.keywords());
        boolean changed = !java.util.Objects.equals(title, details.title())
                || !java.util.Objects.equals(brand, details.brand())
                || !java.util.Objects.equals(model, details.model())
                || !java.util.Objects.equals(gtins, joinedGtins)
                || !java.util.Objects.equals(keywords, joinedKeywords);
        title = details.title();
        brand = details.brand();
        model = details.model();
        gtins = joinedGtins;
        keywords = joinedKeywords;
        if (changed || updatedAt == null) {
            updatedAt = at.truncatedTo(ChronoUnit.SECONDS);
        }
        return changed;
    }

    public String getSku() { return sku; }
    public String getTitle() { return title; }
    public String getBrand() { return brand; }
    public String getModel() { return model; }
    /** The barcodes, each 14 digits. */
    public List<String> getGtins() { return gtins == null ? List.of() : Arrays.asList(gtins.split(",")); }
    public List<String> getKeywords() {
        return keywords == null ? List.of() : Arrays.asList(keywords.split("\\" + KEYWORD_SEPARATOR));
    }
    public Instant getUpdatedAt() { return updatedAt; }
}
