package org.familyjourney;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FamilyJourneyApplication {

    public static void main(String[] args) {
        SpringApplication.run(FamilyJourneyApplication.class, args);
    }
}
