package ir.parvaneh.command.permit.documents;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The documents of permit applications (drawings, deeds) on the local filesystem, stored by the SHA-256 of
 * their content, which is what an application's events record. A file is streamed to a temporary name,
 * checked (a PDF by its {@code %PDF-} header, within the size limit) and only then moved into place, so a
 * refused upload leaves nothing behind; storing the same content twice keeps one file. An S3-compatible
 * store would implement the same two operations.
 */
@Component
public class DocumentStore {

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    /** What an application's document reference needs from the store. */
    public record Stored(String sha256, long sizeBytes, String mediaType) {
    }

    private final Path root;
    private final long maxBytes;

    DocumentStore(@Value("${parvaneh.documents.dir}") Path root,
                  @Value("${parvaneh.documents.max-size}") org.springframework.util.unit.DataSize maxSize) {
        this.root = root;
        this.maxBytes = maxSize.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Stored storePdf(InputStream content) {
        try {
            Files.createDirectories(root);
            Path incoming = Files.createTempFile(root, "incoming-", ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size;
                byte[] head = new byte[PDF_MAGIC.length];
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(incoming), sha)) {
                    size = copyCapped(content, out, head);
                }
                if (size == 0) {
                    throw new DomainException(ErrorCode.DOCUMENT_EMPTY, "The file is empty");
                }
                if (size < PDF_MAGIC.length || !Arrays.equals(head, PDF_MAGIC)) {
                    throw new DomainException(ErrorCode.DOCUMENT_NOT_PDF, "The file does not begin as a PDF does (%PDF-)");
                }
                String hash = HexFormat.of().formatHex(sha.digest());
                Path target = root.resolve(hash + ".pdf");
                if (!Files.exists(target)) {
                    Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return new Stored(hash, size, "application/pdf");
            } finally {
                Files.deleteIfExists(incoming);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a document under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored file of a content hash, if the store holds it. */
    public Optional<Path> file(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path file = root.resolve(sha256 + ".pdf");
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    private long copyCapped(InputStream in, OutputStream out, byte[] head) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) > 0; ) {
            if (total < head.length) {
                System.arraycopy(buffer, 0, head, (int) total, (int) Math.min(read, head.length - total));
            }
            total += read;
            if (total > maxBytes) {
                throw new DomainException(ErrorCode.DOCUMENT_TOO_LARGE, "A document may hold at most " + maxBytes + " bytes")
                        .with("maxBytes", maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return total;
    }
}
