package org.exchange.accreditation.support;

import org.exchange.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The whole service on real PostgreSQL and Kafka; every API test extends it and shares one Spring context. */
@ServiceIntegrationTest
public abstract class AccreditationIntegrationTest {

    @Autowired
    protected MockMvc mvc;

    protected AccreditationApi api;

    @BeforeEach
    void connectTheApi() {
        api = new AccreditationApi(mvc);
    }
}
