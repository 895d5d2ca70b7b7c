package org.familyjourney.security;

import java.util.LinkedHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * HTTP Basic for the API (no session, no CSRF: nothing rides on a cookie), form login with CSRF
 * for the pages. Every address needs a signed-in user unless it is listed here as public (sign-in,
 * static files, the partner referral form); auditors may change nothing ({@link ReadOnlyAuditors}). The pages' own JSON calls (X-Requested-With: fetch) get
 * a 401 instead of the sign-in redirect, so a page can say "sign in again" and keep what was typed.
 * Repeated failed sign-ins lock a username or address for a while ({@link LoginThrottle}), on both
 * chains. Which family records a signed-in person reads is {@link RecordAccess}'s business.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // The API signs in on every request: see RecentlyVerifiedPasswords for why matches are remembered.
        return new RecentlyVerifiedPasswords(new BCryptPasswordEncoder());
    }

    /*
     * Managers' changes (deploying models, moving caseloads, retrying incidents) are decided here, by
     * address, before a request body is read: someone without the role gets 403, never a complaint
     * about a body they should not have sent. The controllers check the same roles again.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, LoginThrottle throttle) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/processes/**", "/api/forms/**", "/api/team/**", "/api/incidents/**")
                        .hasRole("MANAGER")
                        .requestMatchers("/api/import/**").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers("/api/processes/**", "/api/forms/**").hasAnyRole("MANAGER", "AUDITOR", "ADMIN")
                        .anyRequest().access(signedInAndNoAuditorChanges()))
                .httpBasic(basic -> basic.authenticationEntryPoint(new UnavailableOr401()))
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers)
                .build();
    }

    /**
     * The headers of every answer: no framing anywhere, no sniffing of types (Spring's default), the
     * address never sent to other sites, and HSTS (Spring's default, for a year) on every request that
     * came over TLS, as seen through the proxy's X-Forwarded-Proto (server.forward-headers-strategy).
     * No inline script: every script is a file of ours (script-src 'self'). Styles allow inline
     * because bpmn-js and form-js set style attributes on the elements they draw.
     */
    static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    private static AuthorizationManager<RequestAuthorizationContext> signedInAndNoAuditorChanges() {
        return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(), new ReadOnlyAuditors());
    }

    private static AuthenticationEntryPoint signInOr401() {
        var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(new RequestHeaderRequestMatcher("X-Requested-With", "fetch"), new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        var delegating = new DelegatingAuthenticationEntryPoint(entryPoints);
        delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return delegating;
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/vendor/**", "/favicon.ico",
                                "/actuator/health/**", "/error", "/partner/**").access(new ReadOnlyAuditors())
                        .requestMatchers(HttpMethod.POST, "/manage/**").hasRole("MANAGER")
                        .requestMatchers("/import/**").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers("/manage/processes/**", "/manage/forms/**").hasAnyRole("MANAGER", "AUDITOR", "ADMIN")
                        .anyRequest().access(signedInAndNoAuditorChanges()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInOr401()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(SecurityConfiguration::headers)
                .build();
    }
}
