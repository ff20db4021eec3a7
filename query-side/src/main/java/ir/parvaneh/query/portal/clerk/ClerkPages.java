package ir.parvaneh.query.portal.clerk;

import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.ApplicationView;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindAssignedReviews;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindStageQueue;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.GetPermitApplication;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.QueueEntry;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.TimelineEntry;
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

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clerk's work: the municipality's queue first come first served with its deadlines, an application's file with
 * the automatic compliance results (permitted beside proposed, rule by rule), and the decision form. A decision
 * that departs from the automatic result (approving a failed check, or any rejection) asks for its legal basis and
 * written justification, and waits for a second clerk of the municipality, who confirms or refuses it from their own
 * queue. Decisions carry the version the clerk read, so a file changed meanwhile is refused rather than overwritten.
 */
@Controller
@PortalPage
class ClerkPages {

    /** The stages of a municipality's review work, in the order a file passes through them. */
    static final List<String> STAGES = List.of("AWAITING_REVIEW", "IN_REVIEW", "AWAITING_SECOND_APPROVAL");

    private final QueryGateway queries;
    private final CommandApi commandApi;
    private final SignedIn signedIn;

    ClerkPages(QueryGateway queries, CommandApi commandApi, SignedIn signedIn) {
        this.queries = queries;
        this.commandApi = commandApi;
        this.signedIn = signedIn;
    }

    @GetMapping("/portal/clerk/queue")
    String queue(Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalUser clerk = clerk(request, response);
        Map<String, List<QueueEntry>> queues = new LinkedHashMap<>();
        for (String stage : STAGES) {
            queues.put(stage, queries.query(new FindStageQueue(clerk.municipality(), stage),
                    FindStageQueue.Result.class).join().entries());
        }
        model.addAttribute("queues", queues);
        model.addAttribute("mine", queries.query(new FindAssignedReviews(clerk.subject()),
                FindAssignedReviews.Result.class).join().entries());
        return "portal/clerk-queue";
    }

    @GetMapping("/portal/clerk/applications/{id}")
    String file(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalUser clerk = clerk(request, response);
        GetPermitApplication.Result result = queries.query(new GetPermitApplication(id),
                GetPermitApplication.Result.class).join();
        ApplicationView application = ownMunicipality(result, id, clerk);
        List<TimelineEntry> timeline = result.timeline().stream()
                .sorted(Comparator.comparingLong(TimelineEntry::sequence)).toList();
        model.addAttribute("app", application);
        model.addAttribute("timeline", timeline);
        model.addAttribute("compliance", lastOfType(timeline, "ComplianceChecked"));
        model.addAttribute("submitted", lastOfType(timeline, "PermitApplicationSubmitted"));
        model.addAttribute("proposed", lastOfType(timeline, "DiscretionaryDecisionProposed"));
        model.addAttribute("assignedToMe", application.assignee() != null
                && clerk.subject().equals(application.assignee().subject()));
        return "portal/clerk-file";
    }

    /** The reviewer's decision: approve, request changes or reject, on the version they read. */
    @PostMapping("/portal/clerk/applications/{id}/decision")
    String decide(@PathVariable String id, @RequestParam String decision, @RequestParam long expectedVersion,
                  @RequestParam(required = false) String legalBasisCode,
                  @RequestParam(required = false) String justification,
                  @RequestParam(required = false) String citedRules, @RequestParam(required = false) String note,
                  HttpServletRequest request, HttpServletResponse response) {
        PortalUser clerk = clerk(request, response);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expectedVersion", expectedVersion);
        String path = switch (decision) {
            case "approve" -> {
                if (present(legalBasisCode) || present(justification)) {
                    body.put("discretion", discretion(legalBasisCode, justification));
                }
                yield "/api/permit-applications/{id}/approval";
            }
            case "reject" -> {
                body.put("discretion", discretion(legalBasisCode, justification));
                yield "/api/permit-applications/{id}/rejection";
            }
            case "changes" -> {
                body.put("citedRules", citedRules == null ? List.of() : Arrays.stream(citedRules.split("[,،\\s]+"))
                        .filter(s -> !s.isBlank()).toList());
                body.put("note", nfc(note));
                yield "/api/permit-applications/{id}/changes-requested";
            }
            default -> throw PortalProblem.of(ErrorCode.VALIDATION_FAILED, "No decision " + decision);
        };
        commandApi.post(path, body, clerk.accessToken(), id);
        return "redirect:/portal/clerk/applications/" + id + "?decided";
    }

    /** The second clerk's answer to a discretionary decision another clerk proposed. */
    @PostMapping("/portal/clerk/applications/{id}/second-approval")
    String secondApproval(@PathVariable String id, @RequestParam boolean confirm, @RequestParam long expectedVersion,
                          @RequestParam(required = false) String reason,
                          HttpServletRequest request, HttpServletResponse response) {
        PortalUser clerk = clerk(request, response);
        if (confirm) {
            commandApi.post("/api/permit-applications/{id}/discretionary-decision/confirmation",
                    Map.of("expectedVersion", expectedVersion), clerk.accessToken(), id);
        } else {
            commandApi.post("/api/permit-applications/{id}/discretionary-decision/refusal",
                    Map.of("expectedVersion", expectedVersion, "reason", nfc(reason)), clerk.accessToken(), id);
        }
        return "redirect:/portal/clerk/applications/" + id + "?decided";
    }

    private PortalUser clerk(HttpServletRequest request, HttpServletResponse response) {
        PortalUser user = signedIn.required(request, response);
        if (!user.clerk() || user.municipality() == null) {
            throw PortalProblem.of(ErrorCode.FORBIDDEN_ROLE, "The review queue is for a municipality's clerks");
        }
        return user;
    }

    private static ApplicationView ownMunicipality(GetPermitApplication.Result result, String id, PortalUser clerk) {
        ApplicationView application = result.found().orElseThrow(() ->
                PortalProblem.of(ErrorCode.NOT_FOUND, "No permit application " + id));
        if (!clerk.caller().staffOf(application.municipalitySlug())) {
            throw PortalProblem.of(ErrorCode.FORBIDDEN_MUNICIPALITY, "The caller serves '" + clerk.municipality()
                    + "', not '" + application.municipalitySlug() + "'");
        }
        return application;
    }

    private static TimelineEntry lastOfType(List<TimelineEntry> timeline, String type) {
        TimelineEntry last = null;
        for (TimelineEntry entry : timeline) {
            if (entry.type().equals(type)) {
                last = entry;
            }
        }
        return last;
    }

    private static Map<String, Object> discretion(String legalBasisCode, String justification) {
        Map<String, Object> discretion = new LinkedHashMap<>();
        discretion.put("legalBasisCode", nfc(legalBasisCode));
        discretion.put("justification", nfc(justification));
        return discretion;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }
}
