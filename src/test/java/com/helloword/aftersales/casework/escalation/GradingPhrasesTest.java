package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a phrase row matches a message: {@link GradingPhrases} on a small table of its own. */
class GradingPhrasesTest {

    static final GradingPhrases PHRASES = new GradingPhrases(List.of(
            new GradingPhrases.Row("NEGATION", false, List.of("no", "not", "nothing", "kein", "nichts", "pas", "没", "不")),
            new GradingPhrases.Row("NEGATION_AFTER", false, List.of("ない", "ありません", "なく")),
            new GradingPhrases.Row("HYPOTHETICAL", false, List.of("if", "falls")),
            new GradingPhrases.Row("IGNORE", false, List.of("smoke detector*", "to die for")),
            new GradingPhrases.Row("SAFETY_HAZARD", true, List.of("burn", "caught fire", "smoke*", "überhitzt",
                    "bränd*", "die", "حريق")),
            new GradingPhrases.Row("DEFECTIVE", false, List.of("doesn't turn on", "doesn't work", "動かない")),
            new GradingPhrases.Row("DAMAGED", true, List.of("damag*", "beschädigt", "损坏", "破損", "مكسور")),
            new GradingPhrases.Row("NOT_RECEIVED", false, List.of("not received"))));

    private static Set<String> signals(String body, String language) {
        return PHRASES.read(PreparedText.of("", body).words(), language).signals();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The cable burned my hand                         | SAFETY_HAZARD
            en | It was burning when I came home                    | SAFETY_HAZARD
            en | It burns                                           | SAFETY_HAZARD
            en | The parcel arrived damaged                         | DAMAGED
            en | hi the speker dosnt turn on at all                 | DEFECTIVE
            de | Das Netzteil ist ueberhitzt                        | SAFETY_HAZARD
            de | Das Netzteil ist uberhitzt                         | SAFETY_HAZARD
            de | Die Lampe kam beschaedigt an                       | DAMAGED
            sv | Laddaren har brandskador                           | SAFETY_HAZARD
            ja | 商品が破損していました                                | DAMAGED
            ar | وصلني المنتج مكسورا                                 | DAMAGED
            ar | حدث حريق في المطبخ                                  | SAFETY_HAZARD
            """)
    void wordsMatchInTheirInflectionsSpellingsAndScripts(String language, String body, String signal) {
        assertThat(signals(body, language)).contains(signal);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | I love this brand
            en | The smoke detector arrived today
            en | These boots are to die for
            en | No damage at all, thanks
            en | Nothing caught fire, it just smells new
            de | Kein Schaden, nichts beschädigt
            fr | Le colis n'est pas damaged
            zh | 包裹没有损坏
            ja | 外箱の破損はありませんでした
            ja | 破損もなく届きました
            en | If it got very hot, could it burn?
            de | Was passiert, falls es überhitzt?
            """)
    void negationsHypotheticalQuestionsAndIgnoredPhrasesCancel(String language, String body) {
        assertThat(signals(body, language)).isEmpty();
    }

    @Test
    void aNegationReachesThreeWordsOfItsClauseAndNoFurther() {
        assertThat(signals("No problem with the box, but the lamp is damaged", "en")).containsExactly("DAMAGED");
        assertThat(signals("not the box and not the cable but the lamp got damaged", "en"))
                .containsExactly("DAMAGED");
    }

    @Test
    void aNegationThatBelongsToAPhraseDeniesNothingElse() {
        assertThat(signals("It doesn't work and it burns", "en")).containsExactly("DEFECTIVE", "SAFETY_HAZARD");
        assertThat(signals("I have not received the replacement, the first one burned", "en"))
                .containsExactly("NOT_RECEIVED", "SAFETY_HAZARD");
        assertThat(signals("動かないし破損しています", "ja")).containsExactly("DAMAGED", "DEFECTIVE");
    }

    @Test
    void aHypotheticalCountsOnlyInAQuestionAndOnlyForWhatFollowsIt() {
        assertThat(signals("If I plug it in, it burns.", "en")).containsExactly("SAFETY_HAZARD");
        assertThat(signals("It caught fire, is that normal if it is new?", "en")).containsExactly("SAFETY_HAZARD");
    }

    @Test
    void anAccentedWordOfAnotherLanguageMatchesOnlyAsWritten() {
        assertThat(signals("Laddaren har brändskador", "en")).containsExactly("SAFETY_HAZARD");
        assertThat(signals("I love this brand", "en")).isEmpty();
        assertThat(signals("I love this brand", null)).isEmpty();
        assertThat(signals("Laddaren har brandskador", "sv")).containsExactly("SAFETY_HAZARD");
    }

    @Test
    void quotedRepliesForwardedPartsAndTrackingEventsAreNotTheBuyersWords() {
        assertThat(signals("Thanks, all sorted!\n\nOn 3 Nov 2026, Support wrote:\n> the parcel arrived damaged", "en"))
                .isEmpty();
        assertThat(signals("All good now.\n----- Original Message -----\nThe lamp burned", "en")).isEmpty();
        assertThat(signals("Tracking says:\n12 Nov 2026 14:02 parcel damaged in transit\nbut I have it", "en"))
                .isEmpty();
        assertThat(BuyerWords.ownWords("Hi\n> quoted\nMine: burned")).isEqualTo("Hi\nMine: burned\n");
    }

    @Test
    void theSignalsAreTheInputOfTheCategoryTables() {
        GradingPhrases.Reading reading = PHRASES.read(PreparedText.of("", "It doesn't work and it burns").words(), "en");
        assertThat(reading.asInput()).isEqualTo(" DEFECTIVE SAFETY_HAZARD ");
        assertThat(PHRASES.read(PreparedText.of("", "hello").words(), "en").asInput()).isEqualTo(" ");
    }

    @Test
    void oneTypoIsOneLetterMissingExtraWrongOrSwapped() {
        assertThat(GradingPhrases.oneTypoApart("doesnt", "dosnt")).isTrue();
        assertThat(GradingPhrases.oneTypoApart("broken", "borken")).isTrue();
        assertThat(GradingPhrases.oneTypoApart("broken", "brokenn")).isTrue();
        assertThat(GradingPhrases.oneTypoApart("broken", "brozen")).isTrue();
        assertThat(GradingPhrases.oneTypoApart("broken", "bokn")).isFalse();
        assertThat(GradingPhrases.oneTypoApart("lavare", "lakare")).isTrue();
    }

    @Test
    void aCellThatIsNoListOfPhrasesIsRefusedWithItsRule() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
                  <decision id="gradingPhrases" name="Grading phrases">
                    <decisionTable id="t" hitPolicy="COLLECT">
                      <input id="i"><inputExpression id="ie" typeRef="string"><text>phrase</text></inputExpression></input>
                      <output id="o1" name="signal" typeRef="string"/>
                      <output id="o2" name="cancellable" typeRef="boolean"/>
                      <rule id="rule_ok"><inputEntry id="e1"><text>"caught fire","on fire"</text></inputEntry>
                        <outputEntry id="e2"><text>"SAFETY_HAZARD"</text></outputEntry><outputEntry id="e3"><text>true</text></outputEntry></rule>
                      <rule id="rule_broken"><inputEntry id="e4"><text>contains(?, "fire")</text></inputEntry>
                        <outputEntry id="e5"><text>"SAFETY_HAZARD"</text></outputEntry><outputEntry id="e6"><text>true</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        var model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> PhraseTable.compile(model)).hasMessageContaining("rule_broken")
                .hasMessageContaining("list of quoted phrases");
        var good = Dmn.readModelFromStream(new ByteArrayInputStream(dmn.replace("contains(?, \"fire\")", "\"flames\"")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(PhraseTable.compile(good).size()).isEqualTo(3);
    }
}
