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
    /** The share of each limit an instance passes without asking Redis (0: ask for every request). */
    private double rateLimitLocalShare = 0.5;

    public Jwt getJwt() { return jwt; }
    public List<String> getPublicPaths() { return publicPaths; }
    public void setPublicPaths(List<String> publicPaths) { this.publicPaths = publicPaths; }
    public List<String> getCorsAllowedOrigins() { return corsAllowedOrigins; }
    public void setCorsAllowedOrigins(List<String> corsAllowedOrigins) { this.corsAllowedOrigins = corsAllowedOrigins; }
    public int getRateLimitPerMemberPerSecond() { return rateLimitPerMemberPerSecond; }
    public void setRateLimitPerMemberPerSecond(int value) { this.rateLimitPerMemberPerSecond = value; }
    public int getRateLimitPerIpPerSecond() { return rateLimitPerIpPerSecond; }
    public void setRateLimitPerIpPerSecond(int value) { this.rateLimitPerIpPerSecond = value; }
    public double getRateLimitLocalShare() { return rateLimitLocalShare; }
    public void setRateLimitLocalShare(double value) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException("siyumall.edge.rate-limit-local-share must be between 0 and 1, not " + value);
        }
        this.rateLimitLocalShare = value;
    }

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
