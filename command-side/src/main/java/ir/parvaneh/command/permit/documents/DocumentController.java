package ir.parvaneh.command.permit.documents;

import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;

/**
 * Upload of an application's documents (PDF only): the body is the file itself, streamed. The answer is what
 * the application's document reference records: the content's SHA-256, its size and media type.
 */
@RestController
@Tag(name = "Documents", description = "Drawings and documents of permit applications (PDF)")
@SecurityRequirement(name = "bearer")
class DocumentController {

    private final DocumentStore store;
    private final CurrentActor currentActor;

    DocumentController(DocumentStore store, CurrentActor currentActor) {
        this.store = store;
        this.currentActor = currentActor;
    }

    @PostMapping(path = "/api/documents")
    @Operation(summary = "Upload a PDF document for a permit application (its SHA-256 is the reference to cite)")
    ResponseEntity<DocumentStore.Stored> upload(HttpServletRequest request) throws IOException {
        currentActor.actingAs(Role.CITIZEN, Role.CLERK, Role.ENGINEER);
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (!type.startsWith("application/pdf")) {
            throw new DomainException(ErrorCode.DOCUMENT_NOT_PDF, "Send the file as application/pdf, not '" + type + "'");
        }
        if (request.getContentLengthLong() > store.maxBytes()) {
            throw new DomainException(ErrorCode.DOCUMENT_TOO_LARGE, "A document may hold at most " + store.maxBytes() + " bytes")
                    .with("maxBytes", store.maxBytes());
        }
        DocumentStore.Stored stored = store.storePdf(request.getInputStream());
        return ResponseEntity.created(URI.create("/api/documents/" + stored.sha256())).body(stored);
    }
}
