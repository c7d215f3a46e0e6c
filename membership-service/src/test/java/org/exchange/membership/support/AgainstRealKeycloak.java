package org.exchange.membership.support;

import org.exchange.membership.appointment.IdentitySync;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a test of the identity sync needs: the service pointed at a real Keycloak ({@link RealKeycloak}, started on
 * first use, which a test may stop and start again, and which is stopped after the class), the API, the database and
 * the {@link IdentitySync} itself. Keycloak keeps its realm in a database of this test run's own, so that it is
 * imported from the current realm file. A test class extending it is a {@link MembershipIntegrationTest} whose context is
 * closed after it.
 */
public abstract class AgainstRealKeycloak {

    protected static final RealKeycloak keycloak = new RealKeycloak("keycloak_membership_test_"
            + java.util.UUID.randomUUID().toString().substring(0, 8));

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected IdentitySync identitySync;

    protected Api api;

    @DynamicPropertySource
    static void keycloakOfThisTest(DynamicPropertyRegistry registry) {
        keycloak.serve(registry);
    }

    @AfterAll
    static void stopKeycloak() {
        keycloak.stop();
    }

    @BeforeEach
    void api() {
        api = new Api(mvc);
    }
}
