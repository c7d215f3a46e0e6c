package org.exchange.accreditation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** ILM award programmes, enrolments, portfolios and completions. */
@SpringBootApplication
@EnableScheduling
public class AccreditationApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccreditationApplication.class, args);
    }
}
