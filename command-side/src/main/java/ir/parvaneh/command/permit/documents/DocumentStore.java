package ir.parvaneh.command.permit.documents;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where the documents of permit applications (drawings, deeds) are kept, addressed by the SHA-256 of their content,
 * which is what an application's events record. Every store checks an upload the same way before it keeps anything
 * ({@link IncomingPdf}: a PDF by its {@code %PDF-} header, not empty, within the size limit), so a refused upload
 * leaves nothing behind; the same content stored twice is kept once. The local filesystem is the default;
 * {@code parvaneh.documents.store=s3} keeps them in an S3-compatible object store instead.
 */
public interface DocumentStore {

    /** What an application's document reference needs from the store. */
    record Stored(String sha256, long sizeBytes, String mediaType) {
    }

    /** The largest document accepted, in bytes. */
    long maxBytes();

    /** Checks and keeps the content streamed in; refuses it with a {@code DOCUMENT_…} problem, keeping nothing. */
    Stored storePdf(InputStream content);

    /** Whether the store holds content with this hash; {@code false} for anything that is not a SHA-256. */
    boolean exists(String sha256);

    /** The stored content of a hash, for download; the caller closes it. Empty if the store holds no such content. */
    Optional<InputStream> open(String sha256);

    /** Sixty-four lower-case hexadecimal digits (checked per character: every cited document, every request). */
    static boolean isSha256(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
