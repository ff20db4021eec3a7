package ir.parvaneh.query.portal.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.ApplicationView;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindApplicationsOfApplicant;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindAssessmentsOfRequester;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.GetPermitApplication;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.query.map.layers.Feature;
import ir.parvaneh.query.map.layers.FeatureFilter;
import ir.parvaneh.query.map.layers.LayerInForce;
import ir.parvaneh.query.map.layers.LayerStore;
import ir.parvaneh.query.portal.CommandApi;
import ir.parvaneh.query.portal.PortalPage;
import ir.parvaneh.query.portal.PortalProblem;
import ir.parvaneh.query.portal.PortalUser;
import ir.parvaneh.query.portal.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The citizen's journey: find a parcel (by plate, or on the map), ask for its zoning assessment and read each number
 * with its explanation and legal source, apply for a permit with the PDF documents, pay, follow the status, object
 * to a rejection. Reads come from the query side's own stores (the layers in force, the permit-application views);
 * every act goes to the command API with the citizen's own token.
 */
@Controller
@PortalPage
class CitizenPages {

    static final List<String> USES = List.of("RESIDENTIAL", "COMMERCIAL", "OFFICE");
    /** The one stage in which fees are paid; a view whose stage is still null (being checked) is not payable. */
    private static final String AWAITING_PAYMENT = "AWAITING_PAYMENT";
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final LayerStore layers;
    private final QueryGateway queries;
    private final CommandApi commandApi;
    private final SignedIn signedIn;

    CitizenPages(LayerStore layers, QueryGateway queries, CommandApi commandApi, SignedIn signedIn) {
        this.layers = layers;
        this.queries = queries;
        this.commandApi = commandApi;
        this.signedIn = signedIn;
    }

    @GetMapping({"/", "/portal"})
    String start(Model model) {
        model.addAttribute("towns", townsWithParcels());
        return "portal/start";
    }

    @GetMapping("/portal/home")
    String home(Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalUser user = signedIn.required(request, response);
        if (user.citizen()) {
            model.addAttribute("applications", queries.query(new FindApplicationsOfApplicant(user.subject()),
                    FindApplicationsOfApplicant.Result.class).join().applications());
            model.addAttribute("assessments", queries.query(new FindAssessmentsOfRequester(user.subject()),
                    FindAssessmentsOfRequester.Result.class).join().assessments());
        }
        model.addAttribute("towns", townsWithParcels());
        return "portal/home";
    }

    /** Parcel search by plate; public, like the map services it reads. */
    @GetMapping("/portal/parcels")
    String parcels(@RequestParam(required = false) String municipality, @RequestParam(required = false) String plate,
                   Model model) {
        model.addAttribute("towns", townsWithParcels());
        model.addAttribute("municipality", municipality);
        model.addAttribute("plate", plate);
        model.addAttribute("uses", USES);
        if (municipality == null || municipality.isBlank() || plate == null || plate.isBlank()) {
            return "portal/parcels";
        }
        String normalised = PersianText.latinDigits(plate.strip());
        model.addAttribute("plate", normalised);
        LayerInForce parcels = layers.inForce(municipality, LayerKind.PARCELS, layers.today()).orElseThrow(() ->
                new PortalProblem(404, "LAYER_NOT_IN_FORCE", "نقشه قطعات این شهر هنوز منتشر نشده است",
                        "This town's parcel map is not published yet", municipality));
        List<Feature> found = layers.features(parcels, new FeatureFilter(null, normalised), 1, 0).features();
        if (found.isEmpty()) {
            model.addAttribute("notFound", true);
            return "portal/parcels";
        }
        model.addAttribute("town", parcels.municipality());
        model.addAttribute("parcel", found.get(0));
        return "portal/parcels";
    }

    /** The map of a town's parcels, drawn by Leaflet from the query side's own OGC API (no external tiles). */
    @GetMapping("/portal/map")
    String map(@RequestParam(required = false) String municipality, Model model) {
        List<LayerInForce> towns = townsWithParcels();
        model.addAttribute("towns", towns);
        LayerInForce town = towns.stream().filter(t -> t.municipality().slug().equals(municipality)).findFirst()
                .orElse(towns.isEmpty() ? null : towns.get(0));
        model.addAttribute("layer", town);
        return "portal/map";
    }

    /**
     * Where an anonymous reader of a parcel goes to sign in: the path needs a signed-in person, so the filter chain
     * sends them to the identity provider and back here, and they return to the same parcel, now able to ask.
     */
    @GetMapping("/portal/parcels/sign-in")
    String signInForParcel(@RequestParam String municipality, @RequestParam String plate) {
        return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/portal/parcels")
                .queryParam("municipality", municipality).queryParam("plate", plate).encode().build().toUriString();
    }

    @PostMapping("/portal/assessments")
    String assess(@RequestParam String municipality, @RequestParam String plate, @RequestParam String intendedUse,
                  HttpServletRequest request, HttpServletResponse response) {
        PortalUser user = signedIn.required(request, response);
        JsonNode issued = commandApi.post("/api/assessments", Map.of("municipality", municipality,
                "plate", PersianText.latinDigits(plate.strip()), "intendedUse", intendedUse), user.accessToken());
        return "redirect:/portal/assessments/" + issued.path("assessmentId").asText();
    }

    @GetMapping("/portal/assessments/{id}")
    String assessment(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalUser user = signedIn.required(request, response);
        JsonNode assessment = commandApi.get("/api/assessments/{id}", user.accessToken(), id);
        JsonNode outputs = assessment.path("outcome").path("outputs");
        model.addAttribute("assessment", assessment);
        model.addAttribute("outputs", outputs);
        model.addAttribute("portions", assessment.path("outcome").path("portions"));
        model.addAttribute("proposal", Proposal.largestAllowedBy(outputs));
        return "portal/assessment";
    }

    @PostMapping("/portal/applications")
    String apply(@RequestParam String assessmentId, @RequestParam String use, @RequestParam int storeys,
                 @RequestParam BigDecimal storeyAreaM2, @RequestParam BigDecimal footprintM2, @RequestParam int units,
                 @RequestParam int parkingSpaces, @RequestParam BigDecimal heightM,
                 @RequestParam("deed") MultipartFile deed, @RequestParam("architectural") MultipartFile architectural,
                 @RequestParam("structural") MultipartFile structural,
                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        PortalUser user = signedIn.required(request, response);
        if (storeys < 1 || storeys > 60) {
            throw invalid("storeys", "The number of storeys must be between 1 and 60");
        }
        Proposal proposal = new Proposal(storeys, storeyAreaM2, footprintM2, units, parkingSpaces, heightM);
        // Every file is checked before any is stored, so a refused form leaves nothing behind in the document store.
        byte[] deedPdf = pdf(deed, "OWNERSHIP_DEED");
        byte[] architecturalPdf = pdf(architectural, "ARCHITECTURAL_DRAWINGS");
        byte[] structuralPdf = pdf(structural, "STRUCTURAL_DRAWINGS");
        Map<String, Object> ownership = upload(deedPdf, deed, "OWNERSHIP_DEED", user);
        List<Map<String, Object>> drawings = List.of(
                upload(architecturalPdf, architectural, "ARCHITECTURAL_DRAWINGS", user),
                upload(structuralPdf, structural, "STRUCTURAL_DRAWINGS", user));
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("assessmentId", assessmentId);
        submission.put("building", proposal.building(use));
        submission.put("ownershipDocument", ownership);
        submission.put("documents", drawings);
        JsonNode receipt = commandApi.post("/api/permit-applications", submission, user.accessToken());
        return "redirect:/portal/applications/" + receipt.path("applicationId").asText();
    }

    @GetMapping("/portal/applications/{id}")
    String application(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalUser user = signedIn.required(request, response);
        GetPermitApplication.Result result = queries.query(new GetPermitApplication(id),
                GetPermitApplication.Result.class).join();
        ApplicationView application = result.found()
                .filter(a -> a.applicantSubject().equals(user.subject()))
                // Right after a submission the view may not have the application yet: the page says so.
                .orElse(null);
        if (application == null && result.found().isPresent()) {
            throw PortalProblem.of(ErrorCode.PERMIT_NOT_APPLICANT, "Only the applicant follows an application here");
        }
        model.addAttribute("id", id);
        model.addAttribute("app", application);
        model.addAttribute("timeline", result.timeline() == null ? List.of()
                : result.timeline().stream().sorted(Comparator.comparingLong(t -> t.sequence())).toList());
        model.addAttribute("payable", application != null && AWAITING_PAYMENT.equals(application.stage())
                && application.fees() != null && application.fees().dueRials() != null
                && application.fees().dueRials() > 0);
        model.addAttribute("objectable", application != null && "REJECTED".equals(application.stage()));
        boolean correctable = application != null && "RETURNED_FOR_CORRECTION".equals(application.stage());
        model.addAttribute("correctable", correctable);
        if (correctable) {
            String assessmentId = assessmentOf(result);
            JsonNode assessment = commandApi.get("/api/assessments/{id}", user.accessToken(), assessmentId);
            model.addAttribute("proposal", Proposal.largestAllowedBy(assessment.path("outcome").path("outputs")));
            model.addAttribute("use", assessment.path("intendedUse").asText("RESIDENTIAL"));
        }
        return "portal/application";
    }

    /** A returned application corrected: the new proposal and its drawings, on the assessment it rests on. */
    @PostMapping("/portal/applications/{id}/resubmission")
    String resubmit(@PathVariable String id, @RequestParam String use, @RequestParam int storeys,
                    @RequestParam BigDecimal storeyAreaM2, @RequestParam BigDecimal footprintM2, @RequestParam int units,
                    @RequestParam int parkingSpaces, @RequestParam BigDecimal heightM,
                    @RequestParam("architectural") MultipartFile architectural,
                    @RequestParam("structural") MultipartFile structural,
                    HttpServletRequest request, HttpServletResponse response) throws IOException {
        PortalUser user = signedIn.required(request, response);
        own(id, user);
        if (storeys < 1 || storeys > 60) {
            throw invalid("storeys", "The number of storeys must be between 1 and 60");
        }
        Proposal proposal = new Proposal(storeys, storeyAreaM2, footprintM2, units, parkingSpaces, heightM);
        byte[] architecturalPdf = pdf(architectural, "ARCHITECTURAL_DRAWINGS");
        byte[] structuralPdf = pdf(structural, "STRUCTURAL_DRAWINGS");
        List<Map<String, Object>> drawings = List.of(
                upload(architecturalPdf, architectural, "ARCHITECTURAL_DRAWINGS", user),
                upload(structuralPdf, structural, "STRUCTURAL_DRAWINGS", user));
        commandApi.post("/api/permit-applications/{id}/resubmissions",
                Map.of("building", proposal.building(use), "documents", drawings), user.accessToken(), id);
        return "redirect:/portal/applications/" + id;
    }

    /** Pays the amount due through the embedded run's simulated gateway, which calls back as a real one would. */
    @PostMapping("/portal/applications/{id}/payment")
    String pay(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        PortalUser user = signedIn.required(request, response);
        ApplicationView application = own(id, user);
        Long due = application.fees() == null ? null : application.fees().dueRials();
        if (due == null || due <= 0 || !AWAITING_PAYMENT.equals(application.stage())) {
            throw PortalProblem.of(ErrorCode.PERMIT_PAYMENT_NOT_DUE, "Nothing is due on " + id);
        }
        commandApi.post("/api/simulated-gateway/payments", Map.of("applicationId", id, "amountRials", due),
                user.accessToken());
        return "redirect:/portal/applications/" + id + "?paid";
    }

    @PostMapping("/portal/applications/{id}/objection")
    String object(@PathVariable String id, @RequestParam String grounds, HttpServletRequest request,
                  HttpServletResponse response) {
        PortalUser user = signedIn.required(request, response);
        own(id, user);
        String text = Normalizer.normalize(grounds.strip(), Normalizer.Form.NFC);
        if (text.isEmpty()) {
            throw invalid("grounds", "An objection states its grounds");
        }
        commandApi.post("/api/permit-applications/{id}/objection", Map.of("grounds", text), user.accessToken(), id);
        return "redirect:/portal/applications/" + id;
    }

    /** The assessment the application rests on, as its latest submission recorded it. */
    private static String assessmentOf(GetPermitApplication.Result result) {
        String assessmentId = null;
        for (var step : result.timeline()) {
            Object cited = step.details() == null ? null : step.details().get("assessmentId");
            if (cited != null) {
                assessmentId = cited.toString();
            }
        }
        if (assessmentId == null) {
            throw PortalProblem.of(ErrorCode.NOT_FOUND, "The application's timeline names no assessment");
        }
        return assessmentId;
    }

    private ApplicationView own(String id, PortalUser user) {
        return queries.query(new GetPermitApplication(id), GetPermitApplication.Result.class).join().found()
                .filter(a -> a.applicantSubject().equals(user.subject()))
                .orElseThrow(() -> PortalProblem.of(ErrorCode.NOT_FOUND, "No application " + id + " of yours"));
    }

    /** The file's bytes if it is a non-empty PDF (the command side checks the same, after storing nothing). */
    private static byte[] pdf(MultipartFile file, String kind) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new PortalProblem(400, "DOCUMENT_MISSING", "یکی از مدارک بارگذاری نشده است",
                    "A document is missing", kind);
        }
        byte[] bytes = file.getBytes();
        if (bytes.length < PDF_MAGIC.length || !java.util.Arrays.equals(
                java.util.Arrays.copyOf(bytes, PDF_MAGIC.length), PDF_MAGIC)) {
            throw PortalProblem.of(ErrorCode.DOCUMENT_NOT_PDF, kind + " (" + file.getOriginalFilename()
                    + ") does not begin as a PDF does (%PDF-)");
        }
        return bytes;
    }

    private Map<String, Object> upload(byte[] pdf, MultipartFile file, String kind, PortalUser user) {
        JsonNode stored = commandApi.uploadPdf(pdf, user.accessToken());
        String name = Optional.ofNullable(file.getOriginalFilename()).filter(n -> !n.isBlank()).orElse(kind + ".pdf");
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("kind", kind);
        reference.put("fileName", Normalizer.normalize(name, Normalizer.Form.NFC));
        reference.put("mediaType", stored.path("mediaType").asText("application/pdf"));
        reference.put("sizeBytes", stored.path("sizeBytes").asLong());
        reference.put("sha256", stored.path("sha256").asText());
        return reference;
    }

    private List<LayerInForce> townsWithParcels() {
        return layers.allInForce(layers.today()).stream()
                .filter(l -> l.layer() == LayerKind.PARCELS)
                .sorted(Comparator.comparing(l -> l.municipality().nameFa()))
                .toList();
    }

    private static PortalProblem invalid(String field, String detail) {
        return PortalProblem.of(ErrorCode.VALIDATION_FAILED, field + ": " + detail);
    }
}
