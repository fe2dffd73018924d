package io.realtime.infra.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class DevTokensTest {

    @Test
    void numericUserIdIsANumberClaimAndTheTokenHasThreeParts() {
        String token = DevTokens.token("123");
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"user_id\":123", "\"sub\":\"123\"", "\"iss\":\"" + DevTokens.ISSUER + "\"");
    }

    @Test
    void unsignedTokenDeclaresAlgNoneAndHasNoSignature() {
        String token = DevTokens.forUser("7").unsigned().sign();
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"none\"");
        assertThat(token).endsWith(".");
    }
}
