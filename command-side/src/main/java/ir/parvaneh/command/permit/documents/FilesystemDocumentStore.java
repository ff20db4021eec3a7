package ir.parvaneh.command.permit.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The documents as files {@code <sha256>.pdf} in one directory on the local filesystem (the default store). An upload
 * is received into a temporary file in the same directory, so that a checked one is moved into place atomically: a
 * reader never sees half a file, and a refused one is deleted.
 */
final class FilesystemDocumentStore implements DocumentStore {

    private final Path root;
    private final long maxBytes;

    FilesystemDocumentStore(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public Stored storePdf(InputStream content) {
        try (IncomingPdf incoming = IncomingPdf.receive(content, root, maxBytes)) {
            Path target = file(incoming.sha256());
            if (!Files.exists(target)) {
                try {
                    Files.move(incoming.file(), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException storedMeanwhile) {
                    // The same content, stored by a concurrent upload: it is kept once either way.
                }
            }
            return incoming.stored();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a document under " + root, e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return DocumentStore.isSha256(sha256) && Files.isRegularFile(file(sha256));
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        if (!DocumentStore.isSha256(sha256)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(file(sha256)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the document " + sha256 + " under " + root, e);
        }
    }

    private Path file(String sha256) {
        return root.resolve(sha256 + ".pdf");
    }
}
