package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The designers' knowledge-base table as deployed (dmn/knowledge-base.dmn), fed as in production: the
 * category from {@code categoryDetection}, the text as {@link PreparedText} prepares it.
 */
class KnowledgeBaseTableTest {

    static DmnEngine dmn;
    static DmnDecision category;
    static DmnDecision knowledgeBase;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        category = decision("dmn/category-detection.dmn", "categoryDetection");
        knowledgeBase = decision("dmn/knowledge-base.dmn", "knowledgeBaseArticle");
    }

    private static DmnDecision decision(String resource, String key) throws Exception {
        try (InputStream in = KnowledgeBaseTableTest.class.getClassLoader().getResourceAsStream(resource)) {
            return dmn.parseDecision(key, in);
        }
    }

    private static final StandaloneGrading STANDALONE = new StandaloneGrading();

    private static String categoryOf(PreparedText text) {
        return dmn.evaluateDecisionTable(category, Map.of("signals",
                STANDALONE.phrases().read(text.words(), null).asInput())).getSingleResult().getEntry("category");
    }

    private static String article(String category, String text, String language) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", category);
        variables.put("text", text);
        variables.put("language", language);
        // the "no article" rule has an empty output entry: the result has no "article" entry at all
        return (String) dmn.evaluateDecisionTable(knowledgeBase, variables).getSingleResult().getEntryMap()
                .get("article");
    }

    /** What a buyer's message gets, graded first as intake grades it. */
    private static String articleFor(String language, String body) {
        PreparedText text = PreparedText.of("", body);
        return article(categoryOf(text), text.text(), language);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | How should I wash my new wool sweater?
            de | Wie soll ich den Kaschmirpullover waschen?
            fr | Comment laver mon pull en laine ?
            es | ¿Cómo debo lavar el jersey de lana?
            it | Posso lavare il maglione di lana in lavatrice?
            nl | Hoe moet ik deze wollen trui wassen?
            pl | Jak prać sweter z wełny?
            sv | Hur ska jag tvätta min ulltröja?
            pt | Como devo lavar o suéter de lã?
            ja | カシミヤのセーターは洗濯機で洗えますか
            ar | كيف أغسل كنزة الصوف؟
            zh | 羊毛毛衣怎么洗？
            """)
    void knitwearCareQuestionsGetTheCareArticleInEveryTeamLanguage(String language, String body) {
        assertThat(articleFor(language, body)).isEqualTo("knitwear-care");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | My cardigan shows pilling after one week, what can I do?
            de | Mein Pullover hat nach dem ersten Tragen Knötchen
            fr | Mon pull fait du boulochage
            ja | セーターに毛玉ができました
            zh | 毛衣起球了怎么办
            en | Can I put the merino jumper in the dryer?
            """)
    void pillingAndDryingOfKnitwearGetTheCareArticleToo(String language, String body) {
        assertThat(articleFor(language, body)).isEqualTo("knitwear-care");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Which size should I order? I usually wear UK 12.
            de | Welche Größe soll ich bestellen, ich trage sonst 38?
            fr | Quelle taille dois-je prendre pour ces chaussures ?
            es | ¿Qué talla de zapatos me recomiendan?
            it | Che taglia mi consigliate? Porto una 42.
            nl | Welke maat moet ik bestellen?
            pl | Jaki rozmiar butów wybrać?
            sv | Vilken storlek ska jag välja?
            pt | Qual tamanho devo escolher para o vestido?
            ja | どのサイズを選べばいいですか
            ar | أي مقاس يناسبني؟
            zh | 我应该选哪个尺码？
            """)
    void sizeQuestionsGetTheSizeChartInEveryTeamLanguage(String language, String body) {
        assertThat(articleFor(language, body)).isEqualTo("size-conversion");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | How do I return an item I don't like?
            de | Wie funktioniert die Rücksendung?
            fr | Comment retourner un article ?
            es | ¿Cómo puedo devolver un artículo?
            it | Come faccio il reso di un articolo?
            nl | Hoe kan ik een artikel retourneren?
            pl | Jak mogę odesłać towar?
            sv | Hur returnerar jag en vara?
            pt | Como faço a devolução de um produto?
            ja | 返品の方法を教えてください
            ar | كيف يمكنني إرجاع المنتج؟
            zh | 请问怎么退货？
            """)
    void returnQuestionsGetTheReturnGuideInEveryTeamLanguage(String language, String body) {
        assertThat(articleFor(language, body)).isEqualTo("return-how-to");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | How long does delivery to Canada take?
            de | Wie lange dauert der Versand nach Österreich?
            fr | Quel est le délai de livraison pour la Belgique ?
            es | ¿Cuánto tarda el envío a México?
            it | Quali sono i tempi di consegna per la Svizzera?
            nl | Wat is de levertijd naar België?
            pl | Jaki jest czas dostawy do Polski?
            sv | Hur lång tid tar leveransen till Sverige?
            pt | Qual é o prazo de entrega para o Brasil?
            ja | 日本まで何日で届きますか
            ar | متى سيصل الطلب إلى الإمارات؟
            zh | 发货到美国要几天到？
            en | Will I have to pay customs duties in Switzerland?
            de | Muss ich in der Schweiz Zoll bezahlen?
            """)
    void deliveryTimeAndCustomsQuestionsGetTheShippingArticleInEveryTeamLanguage(String language, String body) {
        assertThat(articleFor(language, body)).isEqualTo("shipping-times");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | I'm not sure which size to take
            de | Ich weiß nicht, welche Größe ich nehmen soll
            en | I don't know what size my son wears, is there a size chart?
            """)
    void aSizeQuestionStaysAQuestionWhenItSaysNotSure(String language, String body) {
        assertThat(articleFor(language, body)).isEqualTo("size-conversion");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The sweater is too small, I want a refund
            de | Der Pullover ist zu klein, ich will mein Geld zurück
            en | Where is my order? When will it arrive?
            de | Wo ist mein Paket? Wann kommt es an?
            zh | 我还没有收到包裹，什么时候到？
            en | The wool sweater arrived damaged
            en | You sent me the wrong size sent, not what I ordered
            en | The colour of the sweater is not as shown
            en | How do I clean the blender?
            en | Can I pay with PayPal?
            en | I love this brand, great quality
            en | No size issues at all, thanks, everything fits
            fr | Merci, tout va bien
            """)
    void complaintsAndOtherMessagesGetNoArticle(String language, String body) {
        assertThat(articleFor(language, body)).isNull();
    }

    @Test
    void onlyCareSizeAndGeneralQuestionsMayGetAnArticle() {
        String sizeQuestion = PreparedText.of("", "Which size? Is there a size chart for the sweater?").text();
        assertThat(article("SIZE_FIT", sizeQuestion, "en")).isEqualTo("size-conversion");
        assertThat(article("GENERAL", sizeQuestion, "en")).isEqualTo("size-conversion");
        for (String other : new String[] {"REFUND_REQUEST", "COLOR_MISMATCH", "DAMAGED", "WRONG_ITEM", "DEFECTIVE",
                "MISSING_PARTS", "NOT_RECEIVED", "LEGAL_THREAT", "SAFETY_HAZARD", "", "SOMETHING_NEW"}) {
            assertThat(article(other, sizeQuestion, "en")).as(other).isNull();
        }
        assertThat(article(null, sizeQuestion, "en")).isNull();
    }

    @Test
    void deliveryAndReturnArticlesAnswerGeneralQuestionsOnly() {
        String delivery = PreparedText.of("", "When will my parcel arrive? What is the delivery time?").text();
        String returns = PreparedText.of("", "How can I return it? Do you have a return label?").text();
        assertThat(article("GENERAL", delivery, "en")).isEqualTo("shipping-times");
        assertThat(article("NOT_RECEIVED", delivery, "en")).isNull();
        assertThat(article("GENERAL", returns, "en")).isEqualTo("return-how-to");
        assertThat(article("REFUND_REQUEST", returns, "en")).isNull();
        assertThat(article("DEFECTIVE", returns, "en")).isNull();
    }

    @Test
    void aFitProblemGetsTheChartOnlyForClothingAndShoes() {
        assertThat(article("SIZE_FIT", PreparedText.of("", "These shoes are too big").text(), "en"))
                .isEqualTo("size-conversion");
        assertThat(article("SIZE_FIT", PreparedText.of("", "The phone case is too small").text(), "en")).isNull();
        assertThat(article("CARE_QUESTION", PreparedText.of("", "How do I clean the frying pan?").text(), "en"))
                .isNull();
    }

    @Test
    void textAndLanguageMayBeMissing() {
        assertThat(article("GENERAL", null, null)).isNull();
        assertThat(article("CARE_QUESTION", "", "ko")).isNull();
        assertThat(article("CARE_QUESTION", PreparedText.of("Wool", "how to wash it").text(), "ko"))
                .isEqualTo("knitwear-care");
    }
}
