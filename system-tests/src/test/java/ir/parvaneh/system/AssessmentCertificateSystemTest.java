package ir.parvaneh.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import ir.parvaneh.kernel.text.PersianText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Set;

import static ir.parvaneh.system.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The certificate of a real zoning assessment, with both applications and a real Keycloak: a citizen asks the
 * command side for the rules of a Qazvin parcel (Qazvin's published rulebook evaluated on the layers in force); the
 * query side projects it and prints it; the PDF's text holds the plate, every number the command side answered and
 * the verification code. Another citizen is told there is no such assessment.
 */
class AssessmentCertificateSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Units the certificate prints as numbers (codes, text and yes/no read differently). */
    private static final Set<String> NUMERIC = Set.of("percent", "floors", "m2", "m", "units", "spaces", "m2-per-unit");
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.shared();
        platform.qazvinLayersInForce();
    }

    /**
     * A citizen's assessment of one of Qazvin's parcels in force, as the command side answered it: the first where
     * housing is permitted and floors are allowed, so that the certificate has real numbers to print (the first
     * parcels of the list lie in a river buffer that makes them green space, which gives zeros). The city's parcels
     * are tried spread out, every seventh first.
     */
    private static JsonNode assessAQazvinParcel(String citizen) throws Exception {
        JsonNode parcels = platform.qazvinParcels(500);
        int stride = 7;
        for (int start = 0; start < stride; start++) {
            for (int i = start; i < parcels.size(); i += stride) {
                String plate = parcels.get(i).at("/properties/plate").asText();
                HttpResponse<String> issued = platform.assess(plate, citizen);
                if (issued.statusCode() == 201) {
                    JsonNode assessment = JSON.readTree(issued.body());
                    if ("true".equals(output(assessment, "intended-use-permitted"))
                            && !"0".equals(output(assessment, "max-floors"))) {
                        return assessment;
                    }
                }
            }
        }
        throw new AssertionError("No parcel of Qazvin could be assessed for housing");
    }

    private static String output(JsonNode issued, String name) {
        for (JsonNode output : issued.at("/outcome/outputs")) {
            if (output.get("name").asText().equals(name)) {
                return output.path("value").asText(null);
            }
        }
        return null;
    }

    private static HttpResponse<byte[]> certificate(String id, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl + "/api/assessments/" + id + "/certificate.pdf"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A number as the certificate prints it (Persian digits and separators), then read back with Latin digits. */
    private static String printed(String canonical) {
        BigDecimal value = new BigDecimal(canonical);
        NumberFormat format = NumberFormat.getNumberInstance(new ULocale("fa_IR"));
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return PersianText.latinDigits(format.format(value));
    }

    @Test
    void aCitizensRealAssessmentPrintsWithItsPlateEveryNumberAndItsVerificationCode() throws Exception {
        String citizen = platform.keycloak.token("0012345679");
        JsonNode issued = assessAQazvinParcel(citizen);
        String id = issued.get("assessmentId").asText();

        HttpResponse<byte[]> response = await().atMost(Duration.ofSeconds(60))
                .until(() -> certificate(id, citizen), r -> r.statusCode() == 200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(response.body())) {
            text = PersianText.latinDigits(Normalizer.normalize(new PDFTextStripper().getText(document),
                    Normalizer.Form.NFKC));
            // Kept as build artefacts, to look at a certificate of a real rulebook's outcome.
            Path out = Files.createDirectories(Path.of("target", "certificate"));
            Files.write(out.resolve("real-assessment-certificate.pdf"), response.body());
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                ImageIO.write(renderer.renderImageWithDPI(page, 120, ImageType.RGB), "png",
                        out.resolve("real-assessment-certificate-" + (page + 1) + ".png").toFile());
            }
        }
        // The code the public check page shows (anyone holding the paper, no sign-in) is the one printed.
        String check = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl + "/assessments/" + id
                + "/verification")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher shown = java.util.regex.Pattern
                .compile("id=\"verification-code\"[^>]*>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<").matcher(check);
        assertThat(shown.find()).as(check).isTrue();
        String code = shown.group(1);

        assertThat(text).contains(issued.get("plate").asText()).contains(code).contains(id)
                .contains(issued.get("rulebookVersion").asText()).contains("گواهی دستور نقشه");
        int numbers = 0;
        for (JsonNode output : issued.at("/outcome/outputs")) {
            if ("DETERMINED".equals(output.get("status").asText()) && NUMERIC.contains(output.get("unit").asText())
                    && output.get("value").asText().matches("-?\\d+(\\.\\d+)?")) {
                assertThat(text).as(output.get("name").asText()).contains(printed(output.get("value").asText()));
                numbers++;
            }
        }
        assertThat(numbers).as("numbers the real rulebook determined").isGreaterThanOrEqualTo(5);

        HttpResponse<byte[]> other = certificate(id, platform.keycloak.token("1234567891"));
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("ASSESSMENT_NOT_FOUND");
    }
}
