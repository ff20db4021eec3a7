package ir.parvaneh.command.permit.documents;

import ir.parvaneh.command.support.InProcessS3;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3-compatible store against a real S3 server (S3Proxy, in this JVM): content kept under its hash once, read
 * back whole; whatever is refused, or breaks off on the way in, leaves no object and no temporary file.
 */
class S3DocumentStoreTest {

    private static final InProcessS3 S3 = InProcessS3.get();

    @TempDir
    Path staging;
    private String bucket;
    private S3DocumentStore store;

    @BeforeEach
    void aStoreOnANewBucket() {
        bucket = S3.newBucket();
        store = new S3DocumentStore(new S3DocumentStore.Settings(S3.endpoint().toString(), InProcessS3.REGION, bucket,
                InProcessS3.ACCESS_KEY, InProcessS3.SECRET_KEY, true, "documents/"), staging, 64 * 1024);
    }

    @AfterEach
    void closeTheClient() {
        store.close();
    }

    @Test
    void aPdfIsKeptUnderItsSha256OnceAndReadBackWhole() throws Exception {
        byte[] pdf = pdf("نقشه معماری");
        String sha256 = sha256(pdf);

        DocumentStore.Stored stored = store.storePdf(new ByteArrayInputStream(pdf));
        assertThat(stored).isEqualTo(new DocumentStore.Stored(sha256, pdf.length, "application/pdf"));
        assertThat(S3.objects(bucket)).containsExactly("documents/" + sha256 + ".pdf");
        InProcessS3.StoredObject object = S3.object(bucket, "documents/" + sha256 + ".pdf").orElseThrow();
        assertThat(object.content()).isEqualTo(pdf);
        assertThat(object.contentType()).isEqualTo("application/pdf");

        assertThat(store.storePdf(new ByteArrayInputStream(pdf))).isEqualTo(stored);
        assertThat(S3.objects(bucket)).hasSize(1);

        assertThat(store.exists(sha256)).isTrue();
        try (InputStream in = store.open(sha256).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(store.exists(sha256(pdf("another")))).isFalse();
        assertThat(store.open(sha256(pdf("another")))).isEmpty();
        assertThat(store.exists("../" + sha256)).isFalse();
        assertThat(store.open(sha256.toUpperCase())).isEmpty();
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void whatIsNotAPdfOrIsEmptyOrTooLargeOrBreaksOffLeavesNoObject() {
        assertRefused(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, ErrorCode.DOCUMENT_NOT_PDF);
        assertRefused("%PDF".getBytes(StandardCharsets.US_ASCII), ErrorCode.DOCUMENT_NOT_PDF);
        assertRefused(new byte[0], ErrorCode.DOCUMENT_EMPTY);
        byte[] large = new byte[64 * 1024 + 1];
        System.arraycopy(pdf(""), 0, large, 0, 8);
        assertRefused(large, ErrorCode.DOCUMENT_TOO_LARGE);

        InputStream breaksOff = new SequenceInputStream(new ByteArrayInputStream(pdf("half a drawing")), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset by the client");
            }
        });
        assertThatThrownBy(() -> store.storePdf(breaksOff)).hasRootCauseInstanceOf(IOException.class);

        assertThat(S3.objects(bucket)).as("no object, whole or partial").isEmpty();
        assertThat(staging).as("no temporary file left").isEmptyDirectory();
    }

    private void assertRefused(byte[] content, ErrorCode expected) {
        assertThatThrownBy(() -> store.storePdf(new ByteArrayInputStream(content)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.7\n% " + text + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
