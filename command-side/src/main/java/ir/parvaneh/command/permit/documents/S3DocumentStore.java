package ir.parvaneh.command.permit.documents;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The documents as objects {@code <prefix><sha256>.pdf} in a bucket of an S3-compatible object store (AWS S3, MinIO,
 * Ceph, ArvanCloud…): the same names as the filesystem store's files, so a directory of documents can be copied into
 * the bucket as it is. An upload is received and checked in a local temporary file first and only then sent in one
 * PUT, which the store makes visible whole or not at all: a refused upload sends nothing, and no partial object is
 * ever left (no multipart upload). The PUT carries the content's MD5, so the store refuses a body damaged on the way.
 */
final class S3DocumentStore implements DocumentStore, AutoCloseable {

    /**
     * Where the store is and how to sign in.
     *
     * @param endpoint  the store's URL; blank for AWS S3 itself (by region)
     * @param region    the signing region (an S3-compatible store usually accepts any, e.g. {@code us-east-1})
     * @param bucket    the bucket, which must exist
     * @param accessKey with {@code secretKey}, static credentials; blank for the AWS default chain (environment,
     *                  instance or container role)
     * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}, as most S3-compatible
     *                  stores need
     * @param prefix    put before each object's name, e.g. {@code documents/}; may be empty
     */
    record Settings(String endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle,
                    String prefix) {

        Settings {
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalStateException("The S3 document store needs a bucket (parvaneh.documents.s3.bucket, PARVANEH_S3_BUCKET)");
            }
            if (region == null || region.isBlank()) {
                throw new IllegalStateException("The S3 document store needs a region (parvaneh.documents.s3.region, PARVANEH_S3_REGION)");
            }
            if (blank(accessKey) != blank(secretKey)) {
                throw new IllegalStateException("Give both the S3 access key and secret key, or neither (for the default credentials)");
            }
            prefix = prefix == null ? "" : prefix;
        }
    }

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final Path staging;
    private final long maxBytes;

    S3DocumentStore(Settings settings, Path staging, long maxBytes) {
        this.client = client(settings);
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
        this.staging = staging;
        this.maxBytes = maxBytes;
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public Stored storePdf(InputStream content) {
        try (IncomingPdf incoming = IncomingPdf.receive(content, staging, maxBytes)) {
            if (!exists(incoming.sha256())) {
                client.putObject(PutObjectRequest.builder()
                                .bucket(bucket)
                                .key(key(incoming.sha256()))
                                .contentType(IncomingPdf.MEDIA_TYPE)
                                .contentLength(incoming.sizeBytes())
                                .contentMD5(Base64.getEncoder().encodeToString(incoming.md5()))
                                .metadata(Map.of("sha256", incoming.sha256()))
                                .build(),
                        RequestBody.fromFile(incoming.file()));
            }
            return incoming.stored();
        }
    }

    @Override
    public boolean exists(String sha256) {
        if (!DocumentStore.isSha256(sha256)) {
            return false;
        }
        try {
            client.headObject(HeadObjectRequest.builder().bucket(bucket).key(key(sha256)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        if (!DocumentStore.isSha256(sha256)) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.getObject(GetObjectRequest.builder().bucket(bucket).key(key(sha256)).build(),
                    ResponseTransformer.toInputStream()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The object name of a hash. */
    String key(String sha256) {
        return prefix + sha256 + ".pdf";
    }

    @Override
    public void close() {
        client.close();
    }

    private static S3Client client(Settings settings) {
        AwsCredentialsProvider credentials = blank(settings.accessKey())
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // The JDK's own HTTP client: a blocking store needs neither Netty nor Apache HttpClient.
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                // The SDK's newer default checksums (CRC32 trailers on chunked uploads) are not understood by every
                // S3-compatible store; Content-MD5 is, and the content's SHA-256 is checked here before the PUT.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!blank(settings.endpoint())) {
            builder.endpointOverride(URI.create(settings.endpoint().strip()));
        }
        return builder.build();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
