package org.exchange.platform.erasure;

import org.exchange.platform.audit.AuditAutoConfiguration;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.deadletter.DeadLetters;
import org.exchange.platform.deadletter.DeadLettersAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The platform's part of every service's erasure. */
@AutoConfiguration(after = {AuditAutoConfiguration.class, DeadLettersAutoConfiguration.class})
public class ErasureAutoConfiguration {

    @Bean
    PlatformErasure platformErasure(AuditTrail audit, DeadLetters deadLetters) {
        return new PlatformErasure(audit, deadLetters);
    }
}
