package com.helloword.aftersales.casework.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the language models (about 11 MB, 2 s) in the background once the application is up, so the first
 * buyer message does not wait for them.
 */
@Component
class LanguageModelsWarmUp {

    private static final Logger log = LoggerFactory.getLogger(LanguageModelsWarmUp.class);

    @EventListener(ApplicationReadyEvent.class)
    void loadModels() {
        Thread loader = new Thread(() -> {
            long start = System.nanoTime();
            LanguageDetector.detect("the language models load before the first buyer message");
            log.info("Language models loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
        }, "language-models");
        loader.setDaemon(true);
        loader.start();
    }
}
