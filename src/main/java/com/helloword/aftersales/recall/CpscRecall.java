package com.helloword.aftersales.recall;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One recall of the US CPSC Recalls REST web service ({@code .../RestWebServices/Recall?format=json} answers an
 * array of these), with the members the notice import reads; the others (Images, Injuries, Retailers,
 * Inconjunctions, ManufacturerCountries ...) are ignored. {@code ProductUPCs} are objects {@code {"UPC": "..."}};
 * a plain string is taken too.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CpscRecall(
        @JsonProperty("RecallID") Long recallId,
        @JsonProperty("RecallNumber") String recallNumber,
        @JsonProperty("RecallDate") String recallDate,
        @JsonProperty("Title") String title,
        @JsonProperty("Description") String description,
        @JsonProperty("URL") String url,
        @JsonProperty("ConsumerContact") String consumerContact,
        @JsonProperty("LastPublishDate") String lastPublishDate,
        @JsonProperty("Products") List<Product> products,
        @JsonProperty("Manufacturers") List<Named> manufacturers,
        @JsonProperty("Importers") List<Named> importers,
        @JsonProperty("Distributors") List<Named> distributors,
        @JsonProperty("Hazards") List<Hazard> hazards,
        @JsonProperty("Remedies") List<Named> remedies,
        @JsonProperty("ProductUPCs") List<Upc> productUpcs) {

    CpscRecall {
        products = products == null ? List.of() : products;
        manufacturers = manufacturers == null ? List.of() : manufacturers;
        importers = importers == null ? List.of() : importers;
        distributors = distributors == null ? List.of() : distributors;
        hazards = hazards == null ? List.of() : hazards;
        remedies = remedies == null ? List.of() : remedies;
        productUpcs = productUpcs == null ? List.of() : productUpcs;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Product(@JsonProperty("Name") String name, @JsonProperty("Description") String description,
            @JsonProperty("Model") String model, @JsonProperty("Type") String type,
            @JsonProperty("CategoryID") String categoryId, @JsonProperty("NumberOfUnits") String numberOfUnits) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Named(@JsonProperty("Name") String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hazard(@JsonProperty("Name") String name, @JsonProperty("HazardType") String hazardType,
            @JsonProperty("HazardTypeID") String hazardTypeId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Upc(String upc) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        Upc(@JsonProperty("UPC") String upc) {
            this.upc = upc;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Upc of(String written) {
            return new Upc(written);
        }
    }
}
