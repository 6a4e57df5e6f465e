package com.siyumall.common.security;

import com.siyumall.common.error.CommonError;
import com.siyumall.common.error.ProblemWriter;
import com.siyumall.common.persistence.RedisKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.time.Duration;

/**
 * One security setup for every service: stateless, JWT-verified (RS256, public key), roles by path —
 * {@code /api/**} shoppers, {@code /admin/**} merchants, {@code /guide/**} guides, {@code /internal/**} other services —
 * with the public paths a service lists, and problem+json for 401 and 403.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(MallSecurityProperties.class)
public class SecurityConfiguration {
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(MallSecurityProperties properties, Clock clock, SessionRevocations revocations) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(PemKeys.publicKey(properties.getJwt().getPublicKey())).build();
        OAuth2TokenValidator<Jwt> validators = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.getJwt().getIssuer()), new IssuedTokenShape());
        decoder.setJwtValidator(validators);
        // the signature once per token; whether its session was revoked on every request (a map lookup)
        return revocations.checking(new VerifiedTokenCache(decoder, clock, 50_000));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SessionRevocations sessionRevocations(StringRedisTemplate redis, RedisKeys keys, MallSecurityProperties properties, Clock clock,
                                          @Value("${siyumall.security.revocations-refresh-every:2s}") Duration refreshEvery) {
        return new SessionRevocations(redis, keys, properties.getJwt().getAccessTokenTtl(), refreshEvery, clock);
    }

    /**
     * No Spring Security observations: one per security filter per request was two thirds of a cached read's CPU
     * (profiled). Request metrics stay (http.server.requests).
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    InternalCallTokens internalCallTokens(MallSecurityProperties properties, Clock clock,
                                          @Value("${spring.application.name}") String serviceName) {
        return new InternalCallTokens(properties.getInternalSecret(), serviceName, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    InternalClients internalClients(RestClient.Builder builder, InternalCallTokens tokens, com.fasterxml.jackson.databind.ObjectMapper json,
                                    org.springframework.core.env.Environment environment) {
        return new InternalClients(builder, tokens, json, environment);
    }

    @Bean
    @ConditionalOnProperty("siyumall.security.jwt.private-key")
    @ConditionalOnMissingBean
    AccessTokenIssuer accessTokenIssuer(MallSecurityProperties properties, Clock clock) {
        return new AccessTokenIssuer(properties.getJwt(), clock);
    }

    /**
     * The path rules below are matched as path patterns; without this bean Spring Security asks Spring MVC's
     * HandlerMappingIntrospector for every rule it tries on every request (measured on the hot path).
     */
    @Bean
    @ConditionalOnMissingBean
    PathPatternRequestMatcher.Builder pathPatternRequestMatchers() {
        return PathPatternRequestMatcher.withDefaults();
    }

    /** A path the firewall refuses ({@code %2e%2e}, {@code //}, {@code ;}): 400 problem+json, not Spring's error JSON. */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler rejectedAsProblem(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(response, CommonError.MALFORMED_REQUEST);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain mallSecurityFilterChain(HttpSecurity http, MallSecurityProperties properties,
                                                InternalCallTokens internalTokens, ProblemWriter problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(cors -> {})
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new InternalCallFilter(internalTokens), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll();
                    for (String path : properties.getPublicPaths()) {
                        String[] parts = path.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            auth.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                        } else {
                            auth.requestMatchers(parts[0]).permitAll();
                        }
                    }
                    auth.requestMatchers("/internal/**").hasRole(Role.SERVICE.name())
                            .requestMatchers("/admin/**").hasAnyRole(Role.MERCHANT.name(), Role.MERCHANT_OPERATOR.name())
                            .requestMatchers("/guide/**").hasRole(Role.GUIDE.name())
                            .requestMatchers("/api/**").hasRole(Role.SHOPPER.name())
                            .requestMatchers("/actuator/**").hasRole(Role.MERCHANT.name())
                            .anyRequest().denyAll();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::toAuthentication))
                        .authenticationEntryPoint((request, response, e) -> problems.write(response, CommonError.UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, CommonError.FORBIDDEN)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(response, CommonError.UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, CommonError.FORBIDDEN)));
        return http.build();
    }

    static MallAuthentication toAuthentication(Jwt jwt) {
        Role role = Role.valueOf(jwt.getClaimAsString("role"));
        String storeId = jwt.getClaimAsString("storeId");
        MallPrincipal principal = new MallPrincipal(Long.parseLong(jwt.getSubject()), role,
                storeId == null ? null : Long.valueOf(storeId), jwt.getClaimAsString("name"));
        return new MallAuthentication(principal, jwt.getTokenValue());
    }
}
