package com.helloword.aftersales.sandbox;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.StoreRepository;

/** Points every store of a platform the sandbox serves at the sandbox, at each start (the port may change). */
@Component
@Order(40)
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class SandboxStoreRouting implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxStoreRouting.class);
    static final Set<Platform> SERVED = Set.of(Platform.SHOPIFY, Platform.AMAZON, Platform.EBAY);

    private final StoreRepository stores;
    private final TransactionTemplate transaction;
    private final Environment environment;

    SandboxStoreRouting(StoreRepository stores, TransactionTemplate transaction, Environment environment) {
        this.stores = stores;
        this.transaction = transaction;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String base = environment.resolvePlaceholders(SandboxEnvironment.LOCAL);
        transaction.executeWithoutResult(status -> stores.findAll().stream()
                .filter(store -> SERVED.contains(store.getPlatform()))
                .forEach(store -> store.pointApiTo(base + "/" + store.getPlatform().name().toLowerCase() + "/"
                        + store.getId())));
        LOG.info("Sandbox on: {} stores answer from {}", SERVED, base);
    }
}
