package com.helloword.aftersales.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.helloword.aftersales.support.IntegrationTest;

/** The test database was first used with demo data, as a demo schema later switched to prod would be. */
@IntegrationTest
class DemoLoginsGuardTest {

    @Autowired
    IdentityService identityService;

    @Test
    void prodRefusesToRunWhileDemoLoginsWork() {
        assertThatThrownBy(() -> new DemoLoginsGuard(identityService).run(null))
                .hasMessageContaining("refuses to run while demo logins work")
                .hasMessageContaining("mia").hasMessageContaining("demo");
    }
}
