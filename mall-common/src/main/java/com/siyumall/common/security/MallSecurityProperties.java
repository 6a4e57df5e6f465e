package com.siyumall.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code siyumall.security.*}: the JWT keys (PEM; the private key only where tokens are issued), the secret of
 * service-to-service calls, and the paths open without a token ({@code "GET /api/products/**"} or {@code "/api/x"}).
 */
@ConfigurationProperties("siyumall.security")
public class MallSecurityProperties {
    private final Jwt jwt = new Jwt();
    private String internalSecret = "";
    private List<String> publicPaths = new ArrayList<>();
    private long maxBodyBytes = 1_048_576;

    public Jwt getJwt() { return jwt; }
    public String getInternalSecret() { return internalSecret; }
    public void setInternalSecret(String internalSecret) { this.internalSecret = internalSecret; }
    public List<String> getPublicPaths() { return publicPaths; }
    public void setPublicPaths(List<String> publicPaths) { this.publicPaths = publicPaths; }
    public long getMaxBodyBytes() { return maxBodyBytes; }
    public void setMaxBodyBytes(long maxBodyBytes) { this.maxBodyBytes = maxBodyBytes; }

    public static class Jwt {
        private String publicKey = "";
        private String privateKey = "";
        private String issuer = "siyumall";
        private Duration accessTokenTtl = Duration.ofMinutes(30);

        public String getPublicKey() { return publicKey; }
        public void setPublicKey(String publicKey) { this.publicKey = publicKey; }
        public String getPrivateKey() { return privateKey; }
        public void setPrivateKey(String privateKey) { this.privateKey = privateKey; }
        public String getIssuer() { return issuer; }
        public void setIssuer(String issuer) { this.issuer = issuer; }
        public Duration getAccessTokenTtl() { return accessTokenTtl; }
        public void setAccessTokenTtl(Duration accessTokenTtl) { this.accessTokenTtl = accessTokenTtl; }
    }
}
