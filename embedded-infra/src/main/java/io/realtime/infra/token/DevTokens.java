package io.realtime.infra.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 JWTs with the checked-in dev key: for tests, dev mode and {@code ./run token <user_id>}.
 * The matching public key is active only in the dev and test profiles (and in the run command, which passes it).
 */
public final class DevTokens {

    /** The issuer the services expect unless {@code JWT_ISSUER} says otherwise. */
    public static final String ISSUER = "https://realtime-suite.local";

    /** The audience the services expect unless {@code JWT_AUDIENCE} says otherwise. */
    public static final String AUDIENCE = "realtime-suite";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static volatile PrivateKey devKey;

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final List<String> groups = new ArrayList<>();
    private PrivateKey key;
    private boolean unsigned;
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofHours(12);

    private DevTokens(String userId) {
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", userId);
        claims.put("upn", userId);
        claims.put("user_id", userId.matches("\\d{1,18}") ? (Object) Long.parseLong(userId) : userId);
    }

    public static DevTokens forUser(String userId) {
        return new DevTokens(userId);
    }

    public static String token(String userId) {
        return forUser(userId).sign();
    }

    public DevTokens issuer(String issuer) {
        claims.put("iss", issuer);
        return this;
    }

    public DevTokens audience(String audience) {
        claims.put("aud", audience);
        return this;
    }

    public DevTokens groups(String... names) {
        groups.addAll(List.of(names));
        return this;
    }

    public DevTokens lifetime(Duration duration) {
        this.lifetime = duration;
        return this;
    }

    /** {@code iat} that far from now (negative: in the past), the lifetime unchanged. */
    public DevTokens issuedIn(Duration fromNow) {
        this.issuedAt = Instant.now().plus(fromNow);
        return this;
    }

    public DevTokens expiredFor(Duration ago) {
        this.issuedAt = Instant.now().minus(ago).minus(Duration.ofMinutes(5));
        this.lifetime = Duration.ofMinutes(5);
        return this;
    }

    public DevTokens claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public DevTokens withoutClaim(String name) {
        claims.remove(name);
        return this;
    }

    /** Signs with a freshly generated key that no service trusts. */
    public DevTokens signedWithForeignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.key = generator.generateKeyPair().getPrivate();
            return this;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: no signature at all. */
    public DevTokens unsigned() {
        this.unsigned = true;
        return this;
    }

    public String sign() {
        Map<String, Object> body = new LinkedHashMap<>(claims);
        body.put("iat", issuedAt.getEpochSecond());
        body.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        body.put("jti", UUID.randomUUID().toString());
        if (!groups.isEmpty()) {
            body.put("groups", groups);
        }
        String header = unsigned ? "{\"alg\":\"none\",\"typ\":\"JWT\"}" : "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput = encode(header) + "." + encode(toJson(body));
        if (unsigned) {
            return signingInput + ".";
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key != null ? key : devKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> toJson(e.getKey().toString()) + ":" + toJson(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DevTokens::toJson).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static PrivateKey devKey() {
        if (devKey == null) {
            try (InputStream in = DevTokens.class.getResourceAsStream("/dev-keys/jwt-private.pem")) {
                if (in == null) {
                    throw new IllegalStateException("dev-keys/jwt-private.pem is not on the classpath");
                }
                String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "")
                        .replaceAll("\\s", "");
                devKey = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return devKey;
    }

    /** {@code ./run token <user_id> [--role <group>]... [--hours <n>]}: prints a dev token. */
    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: token <user_id> [--role <group>]... [--hours <n>]");
            System.exit(2);
        }
        DevTokens token = forUser(args[0]);
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--role" -> token.groups(args[i + 1]);
                case "--hours" -> token.lifetime(Duration.ofHours(Long.parseLong(args[i + 1])));
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        System.out.println(token.sign());
    }
}
