package com.helloword.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.helloword.aftersales.platform.StreetSplitter.Split;

/** Address lines as buyers in the stores' countries write them, and what DHL needs of them. */
class StreetSplitterTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        // Germany and Austria: number after the street, with letters, ranges, no space after an abbreviation
        "DE | Hauptstraße 5                | Hauptstraße             | 5",
        "DE | Hauptstr. 5a                 | Hauptstr.               | 5a",
        "DE | Hauptstr.5                   | Hauptstr.               | 5",
        "DE | Am Markt 12-14               | Am Markt                | 12-14",
        "DE | Straße des 17. Juni 135      | Straße des 17. Juni     | 135",
        "DE | Musterweg 7 b                | Musterweg               | 7 b",
        "AT | Beispielgasse 3/2/14         | Beispielgasse           | 3/2/14",
        // France: number first, bis/ter
        "FR | 5 Rue de la Paix             | Rue de la Paix          | 5",
        "FR | 12 bis rue Victor Hugo       | rue Victor Hugo         | 12 bis",
        "FR | 8, avenue des Champs-Élysées | avenue des Champs-Élysées | 8",
        // Spain: number after the street, floor and door after a comma stay with the number
        "ES | Calle Mayor 12, 3º           | Calle Mayor             | 12, 3º",
        "ES | Calle de Alcalá, 45          | Calle de Alcalá         | 45",
        "ES | C/ Gran Vía 1, 2º B          | C/ Gran Vía             | 1, 2º B",
        // Netherlands and Belgium: additions to the number
        "NL | Kerkstraat 12 A              | Kerkstraat              | 12 A",
        "NL | Kerkstraat 12-A              | Kerkstraat              | 12-A",
        "NL | Damrak 1hs                   | Damrak                  | 1hs",
        "BE | Wetstraat 16 bus 3           | Wetstraat               | 16 bus 3",
        // United States and United Kingdom: number first
        "US | 1600 Pennsylvania Ave NW     | Pennsylvania Ave NW     | 1600",
        "US | 350 Fifth Avenue             | Fifth Avenue            | 350",
        "GB | 10 Downing Street            | Downing Street          | 10",
        "GB | 221B Baker Street            | Baker Street            | 221B",
        // Poland: ul. prefix, building/flat and the m. (mieszkanie) marker
        "PL | ul. Marszałkowska 10/12      | ul. Marszałkowska       | 10/12",
        "PL | ul. Długa 5 m. 7             | ul. Długa               | 5 m. 7",
        // Italy: comma before the number, letters after a slash, interno
        "IT | Via Roma 15                  | Via Roma                | 15",
        "IT | Via Garibaldi, 7/A           | Via Garibaldi           | 7/A",
        "IT | Via Verdi 3 int. 4           | Via Verdi               | 3 int. 4",
    })
    void splitsTheShapesOfTheStoresCountries(String country, String line, String street, String number) {
        assertThat(StreetSplitter.split(line, country)).isEqualTo(new Split(street, number));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "Hauptstraße 5      | DE",
        "5 Rue de la Paix   | FR",
        "Calle Mayor 12, 3º | ES",
        "10 Downing Street  | GB",
    })
    void theUsualOrderIsFoundWithoutACountryToo(String line, String country) {
        assertThat(StreetSplitter.split(line, null)).isEqualTo(StreetSplitter.split(line, country));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "Packstation          | Packstation",
        "Am Anger             | Am Anger",
        "12345                | 12345",
        "'  '                 | ''",
        "NULL                 | ''",
    })
    void aLineWithoutAHouseNumberIsNotGuessedAt(String line, String street) {
        Split split = StreetSplitter.split(line, "DE");

        assertThat(split.houseNumber()).isEmpty();
        assertThat(split.complete()).isFalse();
        assertThat(split.street()).isEqualTo(street);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        // the street on the second line, a company or c/o on the first
        "c/o Müller GmbH | Industriestraße 7 | Industriestraße | 7",
        // the number alone on the second line
        "Lindenallee     | 23                | Lindenallee     | 23",
        // a complete first line wins; the second is a floor or flat
        "Hauptstraße 5   | 3. OG             | Hauptstraße     | 5",
    })
    void twoLinesAreReadTogetherWhenTheFirstHasNoNumber(String line1, String line2, String street, String number) {
        assertThat(StreetSplitter.split(line1, line2, "DE")).isEqualTo(new Split(street, number));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "Am Anger  | Hinterhaus",
    })
    void twoLinesWithoutANumberKeepTheFirstAsStreet(String line1, String line2) {
        assertThat(StreetSplitter.split(line1, line2, "DE")).isEqualTo(new Split("Am Anger", ""));
    }
}
