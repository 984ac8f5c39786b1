package com.helloword.aftersales.casework.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.helloword.aftersales.casework.escalation.PreparedText;

class LanguageDetectorTest {

    private static String detect(String body) {
        return LanguageDetector.detect(PreparedText.of("", body));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | My order arrived yesterday but the lamp inside is broken.",
            "de | Meine Bestellung ist angekommen, aber die Lampe ist kaputt.",
            "fr | Ma commande est arrivée hier mais la lampe est cassée.",
            "es | Mi pedido llegó ayer pero la lámpara está rota.",
            "it | Il mio ordine è arrivato ieri ma la lampada è rotta.",
            "nl | Mijn bestelling is gisteren aangekomen maar de lamp is kapot.",
            "pl | Moje zamówienie przyszło wczoraj, ale lampa jest zepsuta.",
            "sv | Min beställning kom igår men lampan är trasig.",
            "pt | Meu pedido chegou ontem mas a luminária está quebrada.",
            "ja | 注文した商品がまだ届きません。確認してください。",
            "ar | طلبي لم يصل بعد، أرجو المساعدة.",
            "zh | 我的包裹还没有收到，请帮我查一下。" })
    void plainSentences(String language, String body) {
        assertEquals(language, detect(body));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh | 我买的 AirFlow Pro 3 风扇不转了，请帮忙。",
            "ja | AirFlow Pro 3 のファンが動きません。",
            "ar | مروحة AirFlow Pro 3 لا تعمل، أرجو المساعدة.",
            "pt | O pedido nao chegou ainda, preciso de ajuda.",
            "de | Ich habe eine Kiste mit der Aufschrift 迷你风扇 bekommen, das ist das falsche Modell.",
            "fr | J'ai reçu une boîte marquée 迷你风扇, ce n'est pas le bon modèle.",
            "de | Wo bleibt mein Paket?" })
    void shortAndMixedScript(String language, String body) {
        assertEquals(language, detect(body));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ok", "12345", "?!", "" })
    void tooLittleToGoOn(String body) {
        assertNull(detect(body));
    }
}
