package com.siyumall.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** {@code siyumall.edge.*} plus the JWT settings the services use ({@code siyumall.security.jwt.*}). */
@ConfigurationProperties("siyumall.edge")
public class EdgeProperties {
    private final Jwt jwt = new Jwt();
    private List<String> publicPaths = new ArrayList<>();
    private List<String> corsAllowedOrigins = new ArrayList<>(List.of("*"));
    private int rateLimitPerMemberPerSecond = 20;
    private int rateLimitPerIpPerSecond = 100;

    public Jwt getJwt() { return jwt; }
    public List<String> getPublicPaths() { return publicPaths; }
    public void setPublicPaths(List<String> publicPaths) { this.publicPaths = publicPaths; }
    public List<String> getCorsAllowedOrigins() { return corsAllowedOrigins; }
    public void setCorsAllowedOrigins(List<String> corsAllowedOrigins) { this.corsAllowedOrigins = corsAllowedOrigins; }
    public int getRateLimitPerMemberPerSecond() { return rateLimitPerMemberPerSecond; }
    public void setRateLimitPerMemberPerSecond(int value) { this.rateLimitPerMemberPerSecond = value; }
    public int getRateLimitPerIpPerSecond() { return rateLimitPerIpPerSecond; }
    public void setRateLimitPerIpPerSecond(int value) { this.rateLimitPerIpPerSecond = value; }

    public static class Jwt {
        private String publicKey = "";
        private String jwksUri = "";
        private String issuer = "siyumall";

        public String getPublicKey() { return publicKey; }
        public void setPublicKey(String publicKey) { this.publicKey = publicKey; }
        public String getJwksUri() { return jwksUri; }
        public void setJwksUri(String jwksUri) { this.jwksUri = jwksUri; }
        public String getIssuer() { return issuer; }
        public void setIssuer(String issuer) { this.issuer = issuer; }
    }
}
