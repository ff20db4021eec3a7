package ir.parvaneh.command.permit.documents;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An upload received into a temporary file and checked before any store keeps it: hashed while it streams in,
 * cut off as soon as it passes the size limit, then checked to be a non-empty PDF. Closing it deletes the temporary
 * file if a store has not moved it away; a refused upload is deleted before the refusal is thrown.
 */
final class IncomingPdf implements AutoCloseable {

    static final String MEDIA_TYPE = "application/pdf";
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final Path file;
    private final String sha256;
    private final byte[] md5;
    private final long sizeBytes;

    private IncomingPdf(Path file, String sha256, byte[] md5, long sizeBytes) {
        this.file = file;
        this.sha256 = sha256;
        this.md5 = md5;
        this.sizeBytes = sizeBytes;
    }

    /** Streams {@code content} into a new temporary file in {@code directory} and checks it. */
    static IncomingPdf receive(InputStream content, Path directory, long maxBytes) {
        Path incoming;
        try {
            Files.createDirectories(directory);
            incoming = Files.createTempFile(directory, "incoming-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot receive a document in " + directory, e);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] head = new byte[PDF_MAGIC.length];
            long size;
            try (OutputStream out = new DigestOutputStream(new DigestOutputStream(Files.newOutputStream(incoming), md5), sha)) {
                size = copyCapped(content, out, head, maxBytes);
            }
            if (size == 0) {
                throw new DomainException(ErrorCode.DOCUMENT_EMPTY, "The file is empty");
            }
            if (size < PDF_MAGIC.length || !Arrays.equals(head, PDF_MAGIC)) {
                throw new DomainException(ErrorCode.DOCUMENT_NOT_PDF, "The file does not begin as a PDF does (%PDF-)");
            }
            return new IncomingPdf(incoming, HexFormat.of().formatHex(sha.digest()), md5.digest(), size);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(incoming, e);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot receive a document in " + directory, io);
            }
            throw (RuntimeException) e;
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(incoming, e);
            throw new IllegalStateException(e);
        }
    }

    Path file() {
        return file;
    }

    String sha256() {
        return sha256;
    }

    /** The MD5 of the content, which object stores check an upload against (Content-MD5); not an identity. */
    byte[] md5() {
        return md5.clone();
    }

    long sizeBytes() {
        return sizeBytes;
    }

    DocumentStore.Stored stored() {
        return new DocumentStore.Stored(sha256, sizeBytes, MEDIA_TYPE);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the temporary upload " + file, e);
        }
    }

    private static long copyCapped(InputStream in, OutputStream out, byte[] head, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
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

    private static void deleteQuietly(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
