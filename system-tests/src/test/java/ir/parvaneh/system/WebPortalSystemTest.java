package ir.parvaneh.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.assessment.write.AssessmentRecords;
import ir.parvaneh.command.permit.write.ComplianceCheck;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ir.parvaneh.system.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web portal in a real browser (Debian's headless Chromium through Selenium) against both applications, the
 * real database and the real Keycloak, whose own login page people sign in on. A citizen finds a Qazvin parcel by
 * its plate, signs in, has its zoning assessment issued and reads it, is told why a drawing that is no PDF is
 * refused, applies with one storey too many, corrects it, pays through the simulated gateway and sees the file
 * "در حال بررسی" (in review); the clerk it was assigned to opens it from the municipality's queue and approves it;
 * the province's oversight reads the dashboard and its CSV; Qazvin's inspector reads the verified history.
 * Screenshots of each page are saved in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPortalSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The demo realm's Qazvin clerks, by their fixed ids (scripts/keycloak/parvaneh-realm.json). */
    private static final Map<String, String> QAZVIN_CLERKS = Map.of(
            "0d3e0000-c1e4-4000-8000-000000000001", "clerk.qazvin",
            "0d3e0000-c1e4-4000-8000-000000000003", "clerk2.qazvin");

    private static Platform platform;
    /** A Qazvin plate where the largest house its assessment allows passes the compliance check. */
    private static String plate;
    private static String applicationId;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.shared();
        platform.qazvinLayersInForce();
        plate = aParcelWhereHousingComplies();
    }

    /**
     * Some demo parcels are smaller than the province's minimum lot or lie in a zone without housing: the journey
     * needs one where the portal's suggested proposal (the largest house allowed) complies, found through the API.
     */
    private static String aParcelWhereHousingComplies() throws Exception {
        String citizen = platform.keycloak.token("1234567891");
        JsonNode parcels = platform.qazvinParcels(60);
        AssessmentRecords records = platform.commandSide.getBean(AssessmentRecords.class);
        for (JsonNode parcel : parcels) {
            String candidate = parcel.at("/properties/plate").asText();
            HttpResponse<String> issued = platform.assess(candidate, citizen);
            if (issued.statusCode() != 201) {
                continue;
            }
            ZoningOutcome outcome = records.issued(ZoningAssessmentId.parse(
                    JSON.readTree(issued.body()).get("assessmentId").asText())).outcome();
            ProposedBuilding largest = largestHouse(outcome);
            if (largest != null && ComplianceCheck.of(largest, outcome).result().equals("PASSED")) {
                return candidate;
            }
        }
        throw new AssertionError("No Qazvin parcel where the largest house allowed complies");
    }

    @Test
    @Order(1)
    void aCitizenFindsTheParcelReadsItsAssessmentAppliesAndPaysAndSeesTheFileInReview() throws Exception {
        try (Browser citizen = new Browser()) {
            // Found by plate, typed in Persian digits as a person would.
            citizen.open(platform.queryUrl + "/portal/parcels");
            assertThat(citizen.find("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(citizen.find("html").getAttribute("lang")).isEqualTo("fa");
            new Select(citizen.find("#municipality")).selectByValue("qazvin");
            citizen.find("#plate").sendKeys(persianDigits(plate));
            citizen.find("#find-parcel").click();
            assertThat(citizen.text("#parcel-plate")).isEqualTo(persianDigits(plate));
            // The parcel's outline, then its neighbours from the query side's own OGC API (no tile server).
            citizen.until("#map .leaflet-interactive");
            await().atMost(PATIENCE).until(() ->
                    citizen.driver.findElements(By.cssSelector("#map path.leaflet-interactive")).size() > 1);
            citizen.screenshot("01-parcel-found");

            // The town's map page draws from the same services and tells what it shows.
            citizen.open(platform.queryUrl + "/portal/map?municipality=qazvin");
            await().atMost(PATIENCE).until(() -> !citizen.text("#map-status").isBlank());
            citizen.driver.navigate().back();

            // Signing in happens on Keycloak's own page (Persian), and comes back to the same parcel.
            citizen.find("#sign-in-to-assess").click();
            citizen.signInAtKeycloak("0012345679", "02-keycloak-login");
            assertThat(citizen.text("#signed-in-as")).contains("مریم");
            assertThat(citizen.text("#parcel-plate")).isEqualTo(persianDigits(plate));

            // The assessment: each number with its explanation and legal source.
            new Select(citizen.find("#intendedUse")).selectByValue("RESIDENTIAL");
            citizen.find("#request-assessment").click();
            assertThat(citizen.text("#assessment-plate")).isEqualTo(persianDigits(plate));
            String maxFloors = citizen.text("tr[data-output='max-floors'] .value");
            assertThat(maxFloors).matches("[۰-۹]+");
            assertThat(citizen.find("tr[data-output='max-floors'] .legal-source").getText()).isNotBlank();
            assertThat(citizen.find("#certificate").getAttribute("href")).endsWith("/certificate.pdf");
            citizen.screenshot("03-assessment");

            // A drawing that is not a PDF: the command side refuses it, and the person reads why and what to do.
            Path pdfs = Files.createTempDirectory("parvaneh-pdfs");
            Path notPdf = Files.writeString(pdfs.resolve("naqsheh.txt"), "not a PDF", StandardCharsets.US_ASCII);
            citizen.find("#deed").sendKeys(pdf(pdfs, "sanad.pdf").toString());
            citizen.find("#architectural").sendKeys(notPdf.toString());
            citizen.find("#structural").sendKeys(pdf(pdfs, "naqsheh-sazeh.pdf").toString());
            citizen.find("#submit-application").click();
            assertThat(citizen.text("#problem-code")).isEqualTo("DOCUMENT_NOT_PDF");
            assertThat(citizen.text("#problem-title")).startsWith("پرونده بارگذاری‌شده PDF نیست");
            assertThat(citizen.text("#problem-todo")).contains("PDF");
            citizen.screenshot("03b-problem-not-pdf");
            citizen.driver.navigate().back();

            // The application, with the form the assessment filled in and three PDFs.
            citizen.until("#apply");
            citizen.find("#deed").clear();
            citizen.find("#deed").sendKeys(pdf(pdfs, "sanad.pdf").toString());
            citizen.find("#architectural").clear();
            citizen.find("#architectural").sendKeys(pdf(pdfs, "naqsheh-memari.pdf").toString());
            citizen.find("#structural").clear();
            citizen.find("#structural").sendKeys(pdf(pdfs, "naqsheh-sazeh.pdf").toString());
            // One storey more than allowed: returned with the rule it breaks, for correction.
            WebElement storeys = citizen.find("#storeys");
            int allowed = Integer.parseInt(storeys.getAttribute("value"));
            storeys.clear();
            storeys.sendKeys(String.valueOf(allowed + 1));
            citizen.find("#submit-application").click();
            // The address is read once the browser has left the assessment's page for the new application's.
            applicationId = citizen.urlContaining("/portal/applications/")
                    .replaceAll(".*/portal/applications/([^/?#]+).*", "$1");
            assertThat(applicationId).startsWith("permit-application-");
            assertThat(stageAfterRefreshing(citizen, "RETURNED_FOR_CORRECTION")).isEqualTo("برگشت برای اصلاح");
            assertThat(citizen.text("#violated-rules")).contains("حداکثر تعداد طبقات");
            citizen.screenshot("04a-application-returned");

            // Corrected on the form the page offers (the largest building allowed), with new drawings.
            assertThat(citizen.find("#correct #storeys").getAttribute("value")).isEqualTo(String.valueOf(allowed));
            citizen.find("#correct #architectural").sendKeys(pdf(pdfs, "naqsheh-memari-2.pdf").toString());
            citizen.find("#correct #structural").sendKeys(pdf(pdfs, "naqsheh-sazeh-2.pdf").toString());
            citizen.find("#resubmit").click();
            String stage = stageAfterRefreshing(citizen, "AWAITING_PAYMENT");
            assertThat(stage).isEqualTo("در انتظار پرداخت");
            assertThat(citizen.text("#fees-due")).contains("ریال");
            citizen.screenshot("04-application-awaiting-payment");

            // Paid through the simulated gateway: the file goes to review.
            citizen.find("#pay").click();
            assertThat(stageAfterRefreshing(citizen, "IN_REVIEW")).isEqualTo("در حال بررسی");
            assertThat(citizen.driver.findElements(By.cssSelector("#timeline li[data-type='PaymentConfirmed']"))).hasSize(1);
            citizen.screenshot("05-application-in-review");

            // The same page on a phone, and in English.
            citizen.phoneSized();
            citizen.open(platform.queryUrl + "/portal/applications/" + applicationId);
            citizen.screenshot("06-application-phone");
            citizen.open(platform.queryUrl + "/portal/applications/" + applicationId + "?lang=en");
            assertThat(citizen.find("html").getAttribute("dir")).isEqualTo("ltr");
            assertThat(citizen.text("#stage")).isEqualTo("In review");
        }
    }

    @Test
    @Order(2)
    void theAssignedClerkApprovesTheFileFromTheMunicipalitysQueue() throws Exception {
        assertThat(applicationId).as("the citizen's journey ran first").isNotNull();
        JsonNode file = JSON.readTree(send("GET", platform.queryUrl + "/api/applications/" + applicationId, null,
                platform.keycloak.token("oversight")).body());
        String clerk = QAZVIN_CLERKS.get(file.at("/application/assignee/subject").asText());
        assertThat(clerk).as(file.toString()).isNotNull();
        try (Browser browser = new Browser()) {
            browser.open(platform.queryUrl + "/portal/clerk/queue");
            browser.signInAtKeycloak(clerk, null);
            browser.until("table[data-queue='IN_REVIEW'] tr[data-application='" + applicationId + "']");
            browser.screenshot("07-clerk-queue");
            browser.find("table[data-queue='mine'] tr[data-application='" + applicationId + "'] a").click();
            assertThat(browser.driver.findElements(By.cssSelector("#compliance tbody tr"))).isNotEmpty();
            assertThat(browser.find("tr[data-rule='floors-within-max'] td.ok").getText()).isEqualTo("منطبق");
            browser.screenshot("08-clerk-file");
            browser.find("#decide").click();
            browser.until("#decided");
            await().atMost(PATIENCE).until(() -> {
                browser.open(platform.queryUrl + "/portal/clerk/applications/" + applicationId);
                return browser.find("#stage").getAttribute("data-stage");
            }, "APPROVED"::equals);
            assertThat(browser.text("#stage")).isEqualTo("تأیید شده");
            browser.screenshot("09-clerk-approved");
        }
    }

    @Test
    @Order(3)
    void theProvincesOversightSeesTheMunicipalitiesSideBySideWithChartsAndCsv() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(platform.queryUrl + "/portal/oversight");
            browser.signInAtKeycloak("oversight", null);
            // The month's Qazvin figures count the citizen's application once oversight's projection has it.
            await().atMost(PATIENCE).until(() -> {
                browser.open(platform.queryUrl + "/portal/oversight");
                return browser.find("#ranking tr[data-municipality='qazvin'] td:nth-child(3)").getText();
            }, submitted -> !submitted.equals("۰"));
            assertThat(browser.driver.findElements(By.cssSelector("#ranking tbody tr"))).hasSizeGreaterThanOrEqualTo(25);
            assertThat(browser.driver.findElements(By.cssSelector("section[data-chart='submitted'] svg rect"))).isNotEmpty();
            browser.screenshot("10-oversight-dashboard");
            String csv = browser.find("#csv").getAttribute("href");
            assertThat(csv).contains("/portal/oversight/ranking.csv?month=");
            // Fetched within the signed-in session (a browser would save it as a file).
            Object body = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                    "fetch(arguments[0]).then(r => r.text()).then(arguments[1])", csv);
            assertThat(body.toString()).contains("qazvin").contains("queue_order_violations");
        }
    }

    @Test
    @Order(4)
    void anInspectorSeesTheFilesHistoryWithAnIntactChainAndItsAssessmentReRun() throws Exception {
        assertThat(applicationId).as("the citizen's journey ran first").isNotNull();
        try (Browser browser = new Browser()) {
            browser.open(platform.queryUrl + "/portal/inspector");
            browser.signInAtKeycloak("inspector.qazvin", null);
            browser.find("#id").sendKeys(applicationId);
            browser.find("#show-history").click();
            assertThat(browser.text("#aggregate")).isEqualTo(applicationId);
            assertThat(browser.find("#chain").getAttribute("data-intact")).isEqualTo("true");
            assertThat(browser.text("#chain strong")).contains("سالم");
            assertThat(browser.find("li[data-type='ComplianceChecked'] .reverification").getAttribute("data-status"))
                    .isEqualTo("IDENTICAL");
            assertThat(browser.driver.findElements(By.cssSelector("#events li[data-type='ApplicationApproved']"))).hasSize(1);
            browser.screenshot("11-inspector-history");
        }
    }

    // ================================================================ helpers

    /** The file's stage once the view has caught up, reloading the page as a person would. */
    private static String stageAfterRefreshing(Browser browser, String stage) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.driver.navigate().refresh();
            return browser.present("#stage") ? browser.find("#stage").getAttribute("data-stage") : null;
        }, stage::equals);
        return browser.text("#stage");
    }

    private static Path pdf(Path directory, String name) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, "%PDF-1.7\n% " + name + " " + System.nanoTime() + "\n%%EOF\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static String persianDigits(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        }
        return out.toString();
    }

    /** The portal's suggestion (query side, Proposal.largestAllowedBy), restated on the assessment's outcome. */
    private static ProposedBuilding largestHouse(ZoningOutcome outcome) {
        BigDecimal floors = determined(outcome, "max-floors", BigDecimal.ZERO);
        BigDecimal footprint = determined(outcome, "max-footprint-m2", BigDecimal.ZERO);
        BigDecimal area = determined(outcome, "max-gross-floor-area-m2", BigDecimal.ZERO);
        if (floors.signum() <= 0 || footprint.signum() <= 0 || area.signum() <= 0) {
            return null;
        }
        int storeys = floors.intValue();
        BigDecimal perStorey = footprint.min(area.divide(BigDecimal.valueOf(storeys), 2, RoundingMode.DOWN));
        BigDecimal units = determined(outcome, "max-units", BigDecimal.ONE);
        BigDecimal parking = determined(outcome, "required-parking", BigDecimal.ONE);
        int parkingPerUnit = units.signum() == 0 ? parking.intValue()
                : parking.divide(units, 0, RoundingMode.CEILING).intValue();
        List<ProposedFloor> levels = new ArrayList<>();
        for (int level = 0; level < storeys; level++) {
            levels.add(new ProposedFloor(level, "STOREY", "RESIDENTIAL", perStorey.doubleValue()));
        }
        return new ProposedBuilding("RESIDENTIAL", levels, perStorey.doubleValue(), 1, parkingPerUnit,
                3.5 * storeys, null);
    }

    private static BigDecimal determined(ZoningOutcome outcome, String name, BigDecimal otherwise) {
        return outcome.output(name).filter(o -> o.determined() && o.value() != null && !o.value().isBlank())
                .map(o -> new BigDecimal(o.value())).orElse(otherwise);
    }
}
