package ir.parvaneh.query.assessment;

import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.gis.ParcelFacts.LayerVersionUsed;
import ir.parvaneh.kernel.rulebook.AssessedOutput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;

/**
 * The short code printed on an assessment's certificate: 12 Crockford base-32 characters ({@code 7KQ2-M9XD-4TRA}),
 * the first 60 bits of a SHA-256 over what the certificate asserts (the assessment's id, its rulebook's hash, the
 * checksums of the layer versions and every output's name, status and value). It is derived, not drawn at random,
 * so a rebuilt projection gives every printed certificate the same code again; and it binds the numbers, so a
 * certificate whose figures were edited no longer matches the code of the assessment it names. Crockford's
 * alphabet has no I, L, O or U: a person reading it aloud or typing it cannot confuse 0/O or 1/I/L.
 */
final class VerificationCode {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private VerificationCode() {
    }

    static String of(ZoningAssessmentIssued event) {
        StringBuilder basis = new StringBuilder()
                .append(event.assessmentId()).append('\n')
                .append(event.rulebookSha256()).append('\n');
        event.facts().layerVersions().stream()
                .sorted(Comparator.comparing(LayerVersionUsed::layer).thenComparing(LayerVersionUsed::versionId))
                .forEach(layer -> basis.append(layer.layer()).append('=').append(layer.sha256()).append('\n'));
        event.outcome().outputs().stream()
                .sorted(Comparator.comparing(AssessedOutput::name))
                .forEach(output -> basis.append(output.name()).append('=').append(output.status()).append(':')
                        .append(output.value()).append('\n'));
        byte[] digest = sha256(basis.toString());
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xFF);
        }
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i == 4 || i == 8) {
                code.append('-');
            }
            // The top 60 bits, five at a time.
            code.append(ALPHABET[(int) ((bits >>> (59 - 5 * i)) & 0x1F)]);
        }
        return code.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
