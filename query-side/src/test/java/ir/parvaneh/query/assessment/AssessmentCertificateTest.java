package ir.parvaneh.query.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.query.assessment.CertificateFixtures.Town;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Map;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;
import static ir.parvaneh.query.jooq.query.Tables.ZONING_ASSESSMENT;
import static ir.parvaneh.query.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The zoning-assessment certificate, end to end on the query side: an assessment appended to the real event store,
 * projected by the real processor into PostgreSQL, printed as a PDF, read back with PDFBox (text and rendered page)
 * and ZXing (QR code).
 */
@QuerySideIntegrationTest
class AssessmentCertificateTest {

    static final Path OUT = Path.of("target", "certificate");

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    DSLContext dsl;
    @Autowired
    ObjectMapper json;
    @Value("${parvaneh.public-url}")
    String publicUrl;

    CertificateFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CertificateFixtures(eventStore);
    }

    /** A town whose municipality row is projected, so that its certificate names it. */
    private Town town() {
        Town town = fixtures.town();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> dsl.fetchExists(MUNICIPALITY, MUNICIPALITY.SLUG.eq(town.slug())));
        return town;
    }

    private static String path(String id) {
        return "/api/assessments/" + id + "/certificate.pdf";
    }

    /** Waits for the projection, then answers the certificate as the requester sees it. */
    private byte[] awaitCertificate(String id, Actor reader) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            MockHttpServletResponse response = mvc.perform(get(path(id)).with(tokenOf(reader))).andReturn().getResponse();
            return response.getStatus() == 200 ? response.getContentAsByteArray() : null;
        }, bytes -> bytes != null);
    }

    /**
     * The page's text as a person would type it: presentation forms folded back to letters (NFKC) and Persian
     * digits to Latin, so that assertions name plain values.
     */
    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            return PersianText.latinDigits(Normalizer.normalize(text, Normalizer.Form.NFKC));
        }
    }

    /**
     * Whether a Gregorian date is in the extracted text. The page draws it left to right (an isolate in the Persian
     * line, see PersianShaperTest), but the extractor re-runs the bidirectional algorithm on the drawn glyphs without
     * the isolates, and may hand the date back as {@code 29-11-2026}: either is the same date on the page.
     */
    private static boolean gregorian(String text, String isoDate) {
        String[] parts = isoDate.split("-");
        return text.contains(isoDate) || text.contains(parts[2] + "-" + parts[1] + "-" + parts[0]);
    }

    private static String problem(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void givenAProjectedAssessmentThenItsRequesterGetsACertificateWithThePlateEveryNumberItsSourcesAndTheVerificationCode()
            throws Exception {
        Town town = town();
        String id = fixtures.assessment(town, "1234/56", CertificateFixtures.CITIZEN);

        MockHttpServletResponse response = await().atMost(Duration.ofSeconds(60)).until(() -> mvc.perform(get(path(id))
                .with(tokenOf(CertificateFixtures.CITIZEN))).andReturn().getResponse(), r -> r.getStatus() == 200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).contains("inline").contains(id + ".pdf");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        byte[] pdf = response.getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String code = codeOf(id);
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

        String text = text(pdf);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("assessment-certificate.txt"), text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                ImageIO.write(renderer.renderImageWithDPI(page, 120, ImageType.RGB), "png",
                        OUT.resolve("assessment-certificate-" + (page + 1) + ".png").toFile());
            }
        }
        assertThat(text)
                .contains("گواهی دستور نقشه")
                .contains("شهرداری قزوین")
                .contains("1234/56")
                .contains(code)
                .contains(id)
                .contains("مسکونی")
                .contains("مریم احمدی")
                // Issued 2026-11-29: 8 Azar 1405 in the Jalali calendar, with the Gregorian date beside it.
                .contains("1405/09/08").contains("آذر").contains("1406/03/07").contains("خرداد");
        assertThat(gregorian(text, "2026-11-29")).isTrue();
        assertThat(gregorian(text, "2027-05-28")).isTrue();
        // Each computed number, with its unit, and the legal source and explanation it rests on.
        assertThat(text)
                .contains("تراکم ساختمانی").contains("180 درصد")
                .contains("سطح اشغال").contains("60 درصد")
                .contains("حداکثر تعداد طبقات").contains("3 طبقه")
                .contains("144 متر مربع")
                .contains("432٫9 متر مربع")
                .contains("12٫14 متر")
                .contains("4 واحد پارکینگ")
                .contains("ساخت در 60 درصد شمالی قطعه")
                .contains("مسکونی، تجاری")
                .contains("کمیسیون ماده 5 استان قزوین")
                .contains(CertificateFixtures.RESOLUTION)
                .contains("شورای عالی شهرسازی و معماری ایران")
                .contains("depthM * coveragePercent / 100 + 2")
                .contains("240٫5 متر مربع");
        // In the order a reader looks for them: land use before density before floors, the rest after.
        assertThat(text.indexOf("مسکونی، تجاری")).isLessThan(text.indexOf("180 درصد"));
        assertThat(text.indexOf("180 درصد")).isLessThan(text.indexOf("3 طبقه"));
        assertThat(text.indexOf("3 طبقه")).isLessThan(text.indexOf("12٫14 متر"));
        // The regional price in Rials, with Tomans beside it.
        assertThat(text).contains("31٬000٬000 ریال").contains("3٬100٬000 تومان");
        // The rulebook and layer versions the numbers came from.
        assertThat(text).contains("1405.1")
                // From the second character: a leading digit can come loose in the extractor's own bidi pass.
                .contains(CertificateFixtures.RULEBOOK_SHA.substring(1, 40))
                .contains("layer-version-6f1c2a9e")
                .contains(CertificateFixtures.ZONES_SHA.substring(1, 40));
    }

    @Test
    void givenACertificateThenItsQrCodeReadFromTheRenderedPageIsTheAssessmentsVerificationUrl() throws Exception {
        Town town = town();
        String id = fixtures.assessment(town, "2210/7", CertificateFixtures.CITIZEN);
        byte[] pdf = awaitCertificate(id, CertificateFixtures.CITIZEN);

        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fa-IR");
            page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
        }
        Files.createDirectories(OUT);
        ImageIO.write(page, "png", OUT.resolve("assessment-certificate-page-1.png").toFile());

        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        String decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();

        assertThat(decoded).isEqualTo(publicUrl.replaceAll("/+$", "") + "/assessments/" + id + "/verification");

        // Whoever holds the paper follows the code without signing in: the assessment is on record, with the code
        // and plate to compare, and nothing personal.
        String code = codeOf(id);
        MockHttpServletResponse check = mvc.perform(get("/assessments/" + id + "/verification")).andReturn().getResponse();
        assertThat(check.getStatus()).isEqualTo(200);
        assertThat(check.getContentType()).startsWith("text/html");
        String html = check.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains(code).contains("id=\"on-record\"").contains("۲۲۱۰/۷")
                .doesNotContain("مریم").doesNotContain(CertificateFixtures.CITIZEN.subject());
        assertThat(mvc.perform(get("/assessments/zoning-assessment-" + java.util.UUID.randomUUID() + "/verification"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void givenAnotherCitizenThenTheCertificateIsNotFoundAndNothingOfItLeaks() throws Exception {
        Town town = town();
        String id = fixtures.assessment(town, "5512/3", CertificateFixtures.CITIZEN);
        awaitCertificate(id, CertificateFixtures.CITIZEN);
        String code = codeOf(id);

        MockHttpServletResponse other = mvc.perform(get(path(id)).with(tokenOf(CertificateFixtures.OTHER_CITIZEN))
                .header("Accept", "application/pdf")).andReturn().getResponse();
        String body = problem(other);
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(other.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("code").asText()).isEqualTo("ASSESSMENT_NOT_FOUND");
        assertThat(problem.get("title_fa").asText()).isEqualTo("دستور نقشه یافت نشد");
        assertThat(problem.get("title_en").asText()).isEqualTo("Zoning assessment not found");
        assertThat(body).doesNotContain("5512").doesNotContain(code).doesNotContain(town.slug())
                .doesNotContain("مریم").doesNotContain(CertificateFixtures.CITIZEN.subject());

        // The same answer as for an assessment that does not exist: a citizen cannot probe for others' assessments.
        String absent = "zoning-assessment-" + java.util.UUID.randomUUID();
        JsonNode none = json.readTree(problem(mvc.perform(get(path(absent))
                .with(tokenOf(CertificateFixtures.OTHER_CITIZEN))).andReturn().getResponse()));
        assertThat(none.get("code").asText()).isEqualTo("ASSESSMENT_NOT_FOUND");
        assertThat(none.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void givenStaffThenTheirOwnMunicipalitysClerkAndOversightGetTheCertificateAndAnotherTownsClerkIsRefused()
            throws Exception {
        Town town = town();
        String id = fixtures.assessment(town, "871/12", CertificateFixtures.CITIZEN);
        awaitCertificate(id, CertificateFixtures.CITIZEN);

        assertThat(mvc.perform(get(path(id)).with(tokenOf(town.clerk()))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        Actor oversight = new Actor("oversight-cert", "ناظر استان", Role.OVERSIGHT, null, null);
        assertThat(mvc.perform(get(path(id)).with(tokenOf(oversight))).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        Actor takestanClerk = new Actor("clerk-takestan-cert", "حسین موسوی", Role.CLERK, "takestan", null);
        MockHttpServletResponse refused = mvc.perform(get(path(id)).with(tokenOf(takestanClerk))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(json.readTree(problem(refused)).get("code").asText()).isEqualTo("FORBIDDEN_MUNICIPALITY");
        assertThat(problem(refused)).doesNotContain("871/12");

        assertThat(mvc.perform(get(path(id))).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void givenAnAssessmentRecordedWithoutFactsAndOutcomeThenItsRequesterIsToldItIsNotReadyAndNothingChanges()
            throws Exception {
        Town town = town();
        String id = fixtures.assessment(town, "64/2", CertificateFixtures.CITIZEN);
        awaitCertificate(id, CertificateFixtures.CITIZEN);
        // As an assessment recorded before assessments carried their facts and outcome looks in the event store.
        assertThat(dsl.execute("""
                UPDATE axon.domainevententry
                   SET payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'facts' - 'outcome')::text, 'UTF8')
                 WHERE aggregateidentifier = ? AND sequencenumber = 0""", id)).isEqualTo(1);

        MockHttpServletResponse response = mvc.perform(get(path(id)).with(tokenOf(CertificateFixtures.CITIZEN))
                .header("Accept-Language", "fa")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(409);
        JsonNode problem = json.readTree(problem(response));
        assertThat(problem.get("code").asText()).isEqualTo("ASSESSMENT_CERTIFICATE_NOT_READY");
        assertThat(problem.get("title").asText()).isEqualTo(problem.get("title_fa").asText());
        assertThat(dsl.fetchExists(ZONING_ASSESSMENT, ZONING_ASSESSMENT.ID.eq(id))).isTrue();
    }

    @Test
    void givenAMalformedIdThenTheProblemSaysSo() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path("not-an-assessment"))
                .with(tokenOf(CertificateFixtures.CITIZEN))).andReturn().getResponse();
        assertThat(response.getStatus()).isBetween(400, 404);
        assertThat(json.readTree(problem(response)).has("code")).isTrue();
    }

    /** The verification code derived from the assessment's event as the event store holds it. */
    private String codeOf(String id) {
        return VerificationCode.of((ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued)
                eventStore.readEvents(id, 0).next().getPayload());
    }
}
