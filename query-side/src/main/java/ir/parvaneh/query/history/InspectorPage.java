package ir.parvaneh.query.history;

import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.query.history.ChainVerifier.Verification;
import ir.parvaneh.query.history.HistoryEntries.History;
import ir.parvaneh.query.portal.PortalPage;
import ir.parvaneh.query.portal.PortalProblem;
import ir.parvaneh.query.portal.PortalUser;
import ir.parvaneh.query.portal.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inspector's page: the decision history of an application or an assessment, with the chain recomputed from the
 * event store and every recorded assessment re-run by the command side, each result in plain words. It asks exactly
 * what the API answers (the same controller, the same reader checks on the signed-in person's token), so the page
 * cannot show more than the API would.
 */
@Controller
@PortalPage
class InspectorPage {

    private final DecisionHistoryController histories;
    private final SignedIn signedIn;

    InspectorPage(DecisionHistoryController histories, SignedIn signedIn) {
        this.histories = histories;
        this.signedIn = signedIn;
    }

    /** Look-up by id: an application's or an assessment's, as the person pasted it. */
    @GetMapping("/portal/inspector")
    String lookUp(@RequestParam(required = false) String id, HttpServletRequest request, HttpServletResponse response) {
        signedIn.required(request, response);
        if (id == null || id.isBlank()) {
            return "portal/inspector-find";
        }
        String trimmed = id.strip();
        if (trimmed.startsWith("zoning-assessment-")) {
            return "redirect:/portal/inspector/assessments/" + trimmed;
        }
        if (trimmed.startsWith("permit-application-")) {
            return "redirect:/portal/inspector/applications/" + trimmed;
        }
        throw PortalProblem.of(ErrorCode.INVALID_IDENTIFIER, "An id begins permit-application- or zoning-assessment-");
    }

    @GetMapping("/portal/inspector/applications/{id}")
    String application(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalUser user = signedIn.required(request, response);
        return page(histories.applicationHistory(id, user.access(), true),
                histories.verifyApplication(id, user.access()), model);
    }

    @GetMapping("/portal/inspector/assessments/{id}")
    String assessment(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalUser user = signedIn.required(request, response);
        return page(histories.assessmentHistory(id, user.access(), true),
                histories.verifyAssessment(id, user.access()), model);
    }

    private static String page(History history, Verification verification, Model model) {
        model.addAttribute("history", history);
        model.addAttribute("verification", verification);
        return "portal/inspector";
    }
}
