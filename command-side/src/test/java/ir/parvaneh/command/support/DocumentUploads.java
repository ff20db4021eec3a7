package ir.parvaneh.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Documents uploaded for real ({@code POST /api/documents}), since a submission may cite only what the document store
 * holds. Each is a tiny PDF whose content follows from the reference it stands for, so uploading the same reference
 * again stores nothing new.
 */
public final class DocumentUploads {

    private static final Actor UPLOADER = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN,
            null, "0012345679");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentUploads() {
    }

    /** The reference with the hash and size of a PDF uploaded in its place; its kind, name and type kept. */
    public static DocumentReference uploaded(MockMvc mvc, DocumentReference like) {
        byte[] pdf = pdfFor(like);
        try {
            String answer = mvc.perform(post("/api/documents").with(tokenOf(UPLOADER)).contentType("application/pdf")
                            .content(pdf))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            JsonNode stored = JSON.readTree(answer);
            return new DocumentReference(like.kind(), like.fileName(), like.mediaType(), stored.get("sizeBytes").asLong(),
                    stored.get("sha256").asText());
        } catch (Exception e) {
            throw new IllegalStateException("Could not upload a test document", e);
        }
    }

    public static List<DocumentReference> uploaded(MockMvc mvc, List<DocumentReference> like) {
        return like.stream().map(reference -> uploaded(mvc, reference)).toList();
    }

    /** The PDF that stands for a reference. */
    public static byte[] pdfFor(DocumentReference like) {
        return ("%PDF-1.7\n% " + like.kind() + " " + like.fileName() + " " + like.sha256() + "\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
