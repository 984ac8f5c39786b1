package com.helloword.aftersales.recall;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.CatalogueProduct;
import com.helloword.aftersales.casefile.Gtins;

/**
 * Which of our products a regulator's notice may concern, scored: a barcode (UPC/EAN/GTIN, compared in the
 * 14-digit form, so UPC-A and its EAN-13 are one), a model (letters and digits only, case-insensitive), the brand,
 * and each catalogue keyword found as words of the notice's title or product names. The weights and the score a
 * candidate needs are configuration ({@code aftersales.recall-triggers.notice-match}), not rules of this class.
 */
@Component
class NoticeMatcher {

    /** A product the notice may concern: its SKU, score and why ({@code gtin:…}, {@code model:…} …). */
    record Candidate(String sku, int score, List<String> matchedBy) {
    }

    private final int gtinScore;
    private final int modelScore;
    private final int brandScore;
    private final int keywordScore;
    private final int minimum;

    NoticeMatcher(@Value("${aftersales.recall-triggers.notice-match.gtin}") int gtinScore,
            @Value("${aftersales.recall-triggers.notice-match.model}") int modelScore,
            @Value("${aftersales.recall-triggers.notice-match.brand}") int brandScore,
            @Value("${aftersales.recall-triggers.notice-match.keyword}") int keywordScore,
            @Value("${aftersales.recall-triggers.notice-match.minimum}") int minimum) {
        this.gtinScore = gtinScore;
        this.modelScore = modelScore;
        this.brandScore = brandScore;
        this.keywordScore = keywordScore;
        this.minimum = minimum;
    }

    /** The candidates, best first (ties by SKU); none when no product reaches the minimum score. */
    List<Candidate> match(IncomingNotice notice, List<CatalogueProduct> catalogue) {
        Set<String> gtins = notice.barcodes().stream().map(Gtins::normalise).flatMap(java.util.Optional::stream)
                .collect(Collectors.toSet());
        Set<String> models = notice.models().stream().map(NoticeMatcher::compact).filter(m -> !m.isEmpty())
                .collect(Collectors.toSet());
        Set<String> brands = notice.brands().stream().map(NoticeMatcher::words).collect(Collectors.toSet());
        String text = " " + words(notice.text()) + " ";
        List<Candidate> candidates = new ArrayList<>();
        for (CatalogueProduct product : catalogue) {
            int score = 0;
            List<String> why = new ArrayList<>();
            for (String gtin : product.getGtins()) {
                if (gtins.contains(gtin)) {
                    score += gtinScore;
                    why.add("gtin:" + gtin);
                    break;
                }
            }
            if (product.getModel() != null && models.contains(compact(product.getModel()))) {
                score += modelScore;
                why.add("model:" + product.getModel());
            }
            if (product.getBrand() != null) {
                String brand = words(product.getBrand());
                if (!brand.isEmpty() && (brands.contains(brand) || text.contains(" " + brand + " "))) {
                    score += brandScore;
                    why.add("brand:" + product.getBrand());
                }
            }
            for (String keyword : product.getKeywords()) {
                String phrase = words(keyword);
                if (!phrase.isEmpty() && text.contains(" " + phrase + " ")) {
                    score += keywordScore;
                    why.add("keyword:" + keyword);
                }
            }
            if (score >= minimum) {
                candidates.add(new Candidate(product.getSku(), score, List.copyOf(why)));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::sku));
        return candidates;
    }

    /** A model as letters and digits only, lower case: "BHC-001 " and "bhc001" are one model. */
    static String compact(String model) {
        return fold(model).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Words in lower case, accents dropped, separated by single spaces. */
    static String words(String text) {
        return String.join(" ", fold(text).split("[^\\p{L}\\p{N}]+")).strip();
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
