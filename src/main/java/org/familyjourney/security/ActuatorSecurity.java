package org.familyjourney.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The operations endpoints. Health is open, so load balancers and orchestrators can probe it, but
 * shows only UP or DOWN unless an admin asks (management.endpoint.health.show-details); metrics and
 * the Prometheus scrape need an admin, by HTTP Basic, because counts of tasks and escalations say
 * something about the families in the service.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        // Also every other address under /actuator: an endpoint that is not exposed answers an admin 404,
        // rather than sending anyone to the sign-in page.
        return http.securityMatchers(matchers -> matchers.requestMatchers(EndpointRequest.toAnyEndpoint())
                        .requestMatchers("/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
