package org.exchange.accreditation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** ILM award programmes, enrolments, portfolios and completions. */
@SpringBootApplication
public class AccreditationApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccreditationApplication.class, args);
    }
}
