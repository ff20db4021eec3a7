package ir.parvaneh.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.query.history.ChainVerifier.Verification;
import ir.parvaneh.query.history.HistoryEntries.ChainHead;
import ir.parvaneh.query.history.HistoryEntries.Entry;
import ir.parvaneh.query.history.HistoryEntries.History;
import ir.parvaneh.query.history.HistoryEntries.Reverification;
import ir.parvaneh.query.jooq.query.tables.records.DecisionHistoryChainRecord;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision history of a permit application or a zoning assessment, for inspectors and auditors: every
 * event in order with its actor, time, basis and hashes; the chain's tamper check against the event store; and
 * the re-run of each recorded assessment against its own rulebook version.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Decision history", description = "Who decided what, on which rules and layers; hash-chained and verifiable")
@SecurityRequirement(name = "bearer")
class DecisionHistoryController {

    static final String DEFINITION = "docs/decision-history.md";
    private static final String REVERIFY_HELP = "Re-run each recorded assessment the history rests on against its "
            + "rulebook version, through the command side (with your token)";

    private final DecisionHistoryReadModel histories;
    private final ChainVerifier verifier;
    private final AssessmentReverifier reverifier;

    DecisionHistoryController(DecisionHistoryReadModel histories, ChainVerifier verifier, AssessmentReverifier reverifier) {
        this.histories = histories;
        this.verifier = verifier;
        this.reverifier = reverifier;
    }

    @GetMapping("/applications/{id}/history")
    @Operation(summary = "Every event of a permit application, in order, with actor, time, basis and hashes")
    History applicationHistory(@PathVariable String id, @AuthenticationPrincipal Jwt token,
                               @Parameter(description = REVERIFY_HELP) @RequestParam(defaultValue = "true") boolean reverify) {
        return history(DecisionHistoryProjector.APPLICATION, PermitApplicationId.parse(id).toString(), token, reverify);
    }

    @GetMapping("/assessments/{id}/history")
    @Operation(summary = "Every event of a zoning assessment, with its basis, hashes and its re-run against its rulebook version")
    History assessmentHistory(@PathVariable String id, @AuthenticationPrincipal Jwt token,
                              @Parameter(description = REVERIFY_HELP) @RequestParam(defaultValue = "true") boolean reverify) {
        return history(DecisionHistoryProjector.ASSESSMENT, ZoningAssessmentId.parse(id).toString(), token, reverify);
    }

    @GetMapping("/applications/{id}/history/verification")
    @Operation(summary = "Recompute a permit application's hash chain from the event store and name the first altered event")
    Verification verifyApplication(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        return verify(DecisionHistoryProjector.APPLICATION, PermitApplicationId.parse(id).toString(), token);
    }

    @GetMapping("/assessments/{id}/history/verification")
    @Operation(summary = "Recompute a zoning assessment's hash chain from the event store and name the first altered event")
    Verification verifyAssessment(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        return verify(DecisionHistoryProjector.ASSESSMENT, ZoningAssessmentId.parse(id).toString(), token);
    }

    private History history(String kind, String id, Jwt token, boolean reverify) {
        DecisionHistoryChainRecord chain = histories.readableChain(kind, id, token);
        List<Entry> entries = histories.entries(id);
        if (reverify) {
            Map<String, Reverification> done = new HashMap<>();
            entries = entries.stream().map(entry -> {
                String assessmentId = assessmentRestedOn(kind, id, entry);
                return assessmentId == null ? entry : entry.withReverification(
                        done.computeIfAbsent(assessmentId, a -> reverifier.reverify(a, token.getTokenValue())));
            }).toList();
        }
        // The head is the last entry read, not the chain row read a moment earlier: the projection may have moved on.
        Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        return new History(id, kind, chain.getMunicipalitySlug(), new ChainHead(
                last == null ? chain.getHeadHash() : last.chainHash(),
                last == null ? chain.getHeadSequence() : last.sequence(), entries.size(), "SHA-256", DEFINITION),
                entries);
    }

    /** The assessment whose evaluation an event records or applies: the issue itself, or a compliance check. */
    private static String assessmentRestedOn(String kind, String id, Entry entry) {
        if (DecisionHistoryProjector.ASSESSMENT.equals(kind) && "ZoningAssessmentIssued".equals(entry.type())) {
            return id;
        }
        if ("ComplianceChecked".equals(entry.type()) && entry.payload().hasNonNull("assessmentId")) {
            return entry.payload().get("assessmentId").asText();
        }
        return null;
    }

    private Verification verify(String kind, String id, Jwt token) {
        DecisionHistoryChainRecord chain = histories.readableChain(kind, id, token);
        return verifier.verify(id, chain.getHeadHash(), chain.getHeadSequence());
    }
}
