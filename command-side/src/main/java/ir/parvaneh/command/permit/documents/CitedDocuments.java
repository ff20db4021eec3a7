package ir.parvaneh.command.permit.documents;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The check, before a (re)submission is sent, that every document it cites was uploaded: an event must not cite
 * content that nobody can retrieve. References that are missing or whose hash is malformed are left to the
 * aggregate's submission rules, which name what is wrong with them.
 */
@Component
public class CitedDocuments {

    private final DocumentStore store;

    CitedDocuments(DocumentStore store) {
        this.store = store;
    }

    /** {@code DOCUMENT_NOT_FOUND}, naming the field (e.g. {@code documents[1].sha256}), for the first one not stored. */
    public void requireStored(DocumentReference ownershipDocument, List<DocumentReference> documents) {
        requireStored(ownershipDocument, "ownershipDocument");
        if (documents != null) {
            for (int i = 0; i < documents.size(); i++) {
                requireStored(documents.get(i), "documents[" + i + "]");
            }
        }
    }

    private void requireStored(DocumentReference document, String field) {
        if (document == null || !DocumentStore.isSha256(document.sha256())) {
            return;
        }
        if (!store.exists(document.sha256())) {
            throw new DomainException(ErrorCode.DOCUMENT_NOT_FOUND, "No document with SHA-256 " + document.sha256()
                    + " was uploaded; upload it (POST /api/documents) and cite the hash it answers with")
                    .with("field", field + ".sha256")
                    .with("sha256", document.sha256());
        }
    }
}
