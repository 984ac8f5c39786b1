package com.helloword.aftersales.sandbox;

import java.util.Map;

import com.helloword.aftersales.casefile.SalesOrder;

/**
 * Made-up delivery addresses for the demo orders, one street per destination country written the way
 * that country writes it (number after the street in most of Europe, before it in the US, UK and France),
 * the house number varying with the order. None of them is anyone's real address.
 */
final class SandboxAddresses {

    /** An address line with {@code #} for the house number, a postal code, a city and a province code. */
    private record Template(String line, String postalCode, String city, String province) {
    }

    /** One delivery address: line 1 as the marketplace stores it, postal code, city, province (or null). */
    record Address(String line1, String postalCode, String city, String countryCode, String province) {
    }

    private static final Map<String, Template> BY_COUNTRY = Map.ofEntries(
            Map.entry("DE", new Template("Musterstraße #", "10115", "Berlin", null)),
            Map.entry("AT", new Template("Beispielgasse #", "1010", "Wien", null)),
            Map.entry("NL", new Template("Voorbeeldstraat #", "1012 AB", "Amsterdam", null)),
            Map.entry("BE", new Template("Voorbeeldlaan #", "1000", "Bruxelles", null)),
            Map.entry("PL", new Template("ul. Przykładowa #", "00-001", "Warszawa", null)),
            Map.entry("FR", new Template("# Rue de l'Exemple", "75002", "Paris", null)),
            Map.entry("IT", new Template("Via dell'Esempio #", "00184", "Roma", "RM")),
            Map.entry("ES", new Template("Calle Ejemplo #, 2º", "28013", "Madrid", "M")),
            Map.entry("PT", new Template("Rua do Exemplo #", "1100-148", "Lisboa", null)),
            Map.entry("SE", new Template("Exempelgatan #", "111 22", "Stockholm", null)),
            Map.entry("GB", new Template("# Example Road", "SW1A 1AA", "London", null)),
            Map.entry("IE", new Template("# Sample Street", "D02 X285", "Dublin", null)),
            Map.entry("US", new Template("# Example Avenue", "94105", "San Francisco", "CA")),
            Map.entry("CA", new Template("# Sample Street", "M5V 2T6", "Toronto", "ON")),
            Map.entry("BR", new Template("Rua Exemplo #", "01310-100", "São Paulo", "SP")),
            Map.entry("JP", new Template("1-2-# Sample-cho", "100-0001", "Chiyoda-ku, Tokyo", "13")),
            Map.entry("AE", new Template("Example Street #", "00000", "Dubai", null)),
            Map.entry("SA", new Template("Example Street #", "11564", "Riyadh", null)));

    private static final Template FALLBACK = new Template("Musterstraße #", "10115", "Berlin", null);

    private SandboxAddresses() {
    }

    /** The demo order's delivery address, in its destination country; the same order gives the same address. */
    static Address of(SalesOrder order) {
        String country = order.getDestinationCountry() == null ? "DE" : order.getDestinationCountry();
        Template template = BY_COUNTRY.get(country);
        if (template == null) {
            template = FALLBACK;
            country = "DE";
        }
        int number = 1 + Integer.parseInt(SandboxValues.digits("address/" + order.getPlatformOrderId(), 2));
        return new Address(template.line().replace("#", Integer.toString(number)), template.postalCode(),
                template.city(), country, template.province());
    }

    /** First and last name of a buyer's full name, split at the last space. */
    static String[] names(String fullName) {
        String name = fullName == null ? "" : fullName.strip();
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] {"", name} : new String[] {name.substring(0, space), name.substring(space + 1)};
    }
}
