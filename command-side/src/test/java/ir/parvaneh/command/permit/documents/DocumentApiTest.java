package ir.parvaneh.command.permit.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** PDF uploads: stored by content hash; anything that is not a PDF, empty or too large is refused and leaves nothing. */
@CommandSideIntegrationTest
class DocumentApiTest {

    private static final Actor CITIZEN = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN, null,
            "0012345679");
    private static final Path STORE = Path.of("target/test-documents");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void aPdfIsStoredUnderItsSha256AndTheSameContentOnce() throws Exception {
        byte[] pdf = ("%PDF-1.7\n% نقشه معماری " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        JsonNode stored = json.readTree(send(upload(pdf, "application/pdf"), 201));
        assertThat(stored.get("sha256").asText()).isEqualTo(sha256);
        assertThat(stored.get("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(stored.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(Files.readAllBytes(STORE.resolve(sha256 + ".pdf"))).isEqualTo(pdf);

        send(upload(pdf, "application/pdf"), 201);
        assertThat(files()).filteredOn(name -> name.startsWith(sha256)).hasSize(1);
    }

    @Test
    void whatIsNotAPdfOrIsEmptyOrTooLargeIsRefusedAndLeavesNothing() throws Exception {
        send(upload("%PDF-1.4\n".getBytes(StandardCharsets.UTF_8), "application/pdf"), 201);
        long before = files().count();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        assertThat(code(send(upload(png, "application/pdf"), 415))).isEqualTo("DOCUMENT_NOT_PDF");
        assertThat(code(send(upload("%PDF-1.4".getBytes(StandardCharsets.UTF_8), "image/png"), 415))).isEqualTo("DOCUMENT_NOT_PDF");
        assertThat(code(send(upload(new byte[0], "application/pdf"), 422))).isEqualTo("DOCUMENT_EMPTY");
        byte[] large = new byte[70 * 1024];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.UTF_8), 0, large, 0, 8);
        assertThat(code(send(upload(large, "application/pdf"), 413))).isEqualTo("DOCUMENT_TOO_LARGE");
        mvc.perform(post("/api/documents").contentType("application/pdf").content("%PDF-1.4".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnauthorized());

        assertThat(files().count()).as("no file and no leftover part").isEqualTo(before);
    }

    private MockHttpServletRequestBuilder upload(byte[] content, String type) {
        return post("/api/documents").with(tokenOf(CITIZEN)).contentType(type).content(content);
    }

    private String send(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String code(String problem) throws Exception {
        return json.readTree(problem).get("code").asText();
    }

    private static Stream<String> files() throws Exception {
        try (Stream<Path> listed = Files.list(STORE)) {
            return listed.map(path -> path.getFileName().toString()).toList().stream();
        }
    }
}
