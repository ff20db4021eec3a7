package ir.parvaneh.command.permit.documents;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The document store chosen by {@code parvaneh.documents.store}: {@code filesystem} (the default) or {@code s3}. Any
 * other value stops the application at start, rather than leaving documents where nobody will look for them.
 */
@Configuration(proxyBeanMethods = false)
class DocumentStoreConfiguration {

    @Bean
    DocumentStore documentStore(@Value("${parvaneh.documents.store:filesystem}") String kind,
                                @Value("${parvaneh.documents.dir}") Path dir,
                                @Value("${parvaneh.documents.max-size}") DataSize maxSize,
                                @Value("${parvaneh.documents.s3.endpoint:}") String endpoint,
                                @Value("${parvaneh.documents.s3.region:us-east-1}") String region,
                                @Value("${parvaneh.documents.s3.bucket:}") String bucket,
                                @Value("${parvaneh.documents.s3.access-key:}") String accessKey,
                                @Value("${parvaneh.documents.s3.secret-key:}") String secretKey,
                                @Value("${parvaneh.documents.s3.path-style:true}") boolean pathStyle,
                                @Value("${parvaneh.documents.s3.prefix:}") String prefix) {
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "filesystem" -> new FilesystemDocumentStore(dir, maxSize.toBytes());
            // Uploads are checked in a temporary file before they are sent; the JVM's temporary directory holds them.
            case "s3" -> new S3DocumentStore(new S3DocumentStore.Settings(endpoint, region, bucket, accessKey, secretKey,
                    pathStyle, prefix), Path.of(System.getProperty("java.io.tmpdir"), "parvaneh-documents"), maxSize.toBytes());
            default -> throw new IllegalStateException("parvaneh.documents.store (PARVANEH_DOCUMENTS_STORE) is '" + kind
                    + "': it is filesystem or s3");
        };
    }
}
