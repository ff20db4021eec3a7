package ir.parvaneh.command.support;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A real S3-compatible server in the test JVM: S3Proxy serving the S3 API (with AWS signatures) over jclouds'
 * in-memory "transient" blobstore, started once on a free port. Tests read the bucket through jclouds directly, not
 * through the client under test, to see what the store really holds.
 */
public final class InProcessS3 {

    public static final String ACCESS_KEY = "parvaneh-test-access";
    public static final String SECRET_KEY = "parvaneh-test-secret-key";
    public static final String REGION = "us-east-1";

    private static InProcessS3 running;

    private final BlobStore blobStore;
    private final URI endpoint;

    private InProcessS3(BlobStore blobStore, URI endpoint) {
        this.blobStore = blobStore;
        this.endpoint = endpoint;
    }

    /** The one server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized InProcessS3 get() {
        if (running == null) {
            BlobStoreContext context = ContextBuilder.newBuilder("transient")
                    .credentials("identity", "credential")
                    .build(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            try {
                proxy.start();
                while (!"STARTED".equals(proxy.getState())) {
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    proxy.stop();
                } catch (Exception ignored) {
                    // The JVM is going away with it.
                }
                context.close();
            }));
            running = new InProcessS3(context.getBlobStore(), URI.create("http://127.0.0.1:" + proxy.getPort()));
        }
        return running;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A new, empty bucket with a unique name. */
    public String newBucket() {
        String bucket = "parvaneh-" + UUID.randomUUID().toString().substring(0, 8);
        blobStore.createContainerInLocation(null, bucket);
        return bucket;
    }

    /** The names of the objects in a bucket, under any prefix. */
    public List<String> objects(String bucket) {
        List<String> names = new ArrayList<>();
        for (StorageMetadata object : blobStore.list(bucket, ListContainerOptions.Builder.recursive())) {
            names.add(object.getName());
        }
        return names;
    }

    /** An object's content and media type, if the bucket holds it. */
    public Optional<StoredObject> object(String bucket, String key) {
        Blob blob = blobStore.getBlob(bucket, key);
        if (blob == null) {
            return Optional.empty();
        }
        try (InputStream in = blob.getPayload().openStream()) {
            return Optional.of(new StoredObject(in.readAllBytes(), blob.getMetadata().getContentMetadata().getContentType()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record StoredObject(byte[] content, String contentType) {
    }
}
