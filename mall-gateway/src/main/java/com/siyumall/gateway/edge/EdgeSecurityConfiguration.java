package com.siyumall.gateway.edge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Tokens are checked at the edge as the services check them (RS256 with the mall's public key — configured, or fetched
 * from member-service's JWKS endpoint when none is configured — issuer, expiry, role),
 * and each path prefix admits only its role; the services check again. Public paths are listed in mall-gateway.yml.
 */
@Configuration
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeSecurityConfiguration {
    @Bean
    ReactiveJwtDecoder jwtDecoder(EdgeProperties properties) throws Exception {
        NimbusReactiveJwtDecoder decoder = properties.getJwt().getPublicKey().isBlank()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.getJwt().getJwksUri()).build()
                : NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties.getJwt().getPublicKey())).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.getJwt().getIssuer()), new IssuedTokenShape()));
        return new VerifiedTokenCache(decoder, 50_000);
    }

    /** No per-filter security observations: they cost more than the routing itself (profiled). */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    private static RSAPublicKey publicKey(String pem) throws Exception {
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, EdgeProperties properties) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .cors(cors -> {})
                // Spring Security's defaults (nosniff, frame DENY, no-store unless the service says otherwise, HSTS on
                // https) and no Referer leaving the mini-program's web views
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(auth -> {
                    auth.pathMatchers(HttpMethod.OPTIONS).permitAll()
                            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                    "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**", "/api-docs/**").permitAll()
                            // the console's page and assets; its API calls carry the account's token
                            .pathMatchers(HttpMethod.GET, "/console", "/console/**").permitAll();
                    for (String path : properties.getPublicPaths()) {
                        String[] parts = path.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            auth.pathMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                        } else {
                            auth.pathMatchers(parts[0]).permitAll();
                        }
                    }
                    auth.pathMatchers("/admin/**").hasAnyRole("MERCHANT", "MERCHANT_OPERATOR")
                            .pathMatchers("/guide/**").hasRole("GUIDE")
                            .pathMatchers("/api/**").hasRole("SHOPPER")
                            .anyExchange().denyAll();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(source -> Mono.just(withRole(source))))
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange))
                        .accessDeniedHandler((exchange, e) -> forbidden(exchange)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> unauthenticated(exchange))
                        .accessDeniedHandler((exchange, ex) -> forbidden(exchange)));
        return http.build();
    }

    private static AbstractAuthenticationToken withRole(org.springframework.security.oauth2.jwt.Jwt jwt) {
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString("role"))), jwt.getSubject());
    }

    private static Mono<Void> unauthenticated(org.springframework.web.server.ServerWebExchange exchange) {
        return EdgeProblems.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "请先登录：访问令牌缺失、无效或已过期。", "Sign in first: the access token is missing, invalid or expired.");
    }

    private static Mono<Void> forbidden(org.springframework.web.server.ServerWebExchange exchange) {
        return EdgeProblems.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", "您无权执行此操作。", "You are not allowed to do this.");
    }

    /** A path the firewall refuses ({@code %00}, {@code %2e%2e}, {@code //}): 400 problem+json, not an empty 400. */
    @Bean
    ServerExchangeRejectedHandler rejectedAsProblem() {
        return (exchange, rejected) -> EdgeProblems.refuse(exchange, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "请求地址含有不允许的字符或片段。", "The request path holds characters or segments that are not allowed.");
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(EdgeProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.getCorsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Accept-Language", RequestIdFilter.HEADER));
        cors.setExposedHeaders(List.of(RequestIdFilter.HEADER, "Retry-After"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
