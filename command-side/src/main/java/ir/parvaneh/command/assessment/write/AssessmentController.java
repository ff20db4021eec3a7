package ir.parvaneh.command.assessment.write;

import ir.parvaneh.command.assessment.verify.AssessmentVerifier;
import ir.parvaneh.command.assessment.verify.AssessmentVerifier.FactsCheck;
import ir.parvaneh.command.assessment.verify.AssessmentVerifier.Verification;
import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.time.IranTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;

/**
 * Zoning assessments (دستور نقشه): anyone signed in asks for the rules of any parcel; the recorded
 * assessment, its re-run against its own rulebook version, and its facts recomputed from its own layer
 * versions can be read by anyone signed in.
 */
@RestController
@RequestMapping("/api/assessments")
@Tag(name = "Zoning assessments", description = "The planning rules and fees of a parcel, recorded and re-runnable")
@SecurityRequirement(name = "bearer")
class AssessmentController {

    private static final Role[] ANY_ROLE = {Role.CITIZEN, Role.CLERK, Role.INSPECTOR, Role.MUNICIPAL_ADMIN,
            Role.OVERSIGHT, Role.PROVINCE_ADMIN};

    private final AssessmentIssuer issuer;
    private final AssessmentRecords records;
    private final AssessmentVerifier verifier;
    private final CurrentActor currentActor;
    private final Clock clock;

    AssessmentController(AssessmentIssuer issuer, AssessmentRecords records, AssessmentVerifier verifier,
                         CurrentActor currentActor, Clock clock) {
        this.issuer = issuer;
        this.records = records;
        this.verifier = verifier;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Issue a zoning assessment for a parcel (by municipality and plate, or by latitude and longitude)",
            description = "Evaluates the rulebook in force on asOf (default today, Asia/Tehran) against the parcel's facts "
                    + "from the layers in force that day, and records the result with every explanation.")
    ResponseEntity<ZoningAssessmentIssued> issue(@RequestBody AssessmentIssuer.Request request) {
        var actor = currentActor.actingAs(ANY_ROLE);
        var day = request.asOf() != null ? request.asOf() : IranTime.today(clock);
        ZoningAssessmentIssued issued = issuer.issue(request, day, actor);
        return ResponseEntity.created(URI.create("/api/assessments/" + issued.assessmentId())).body(issued);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A recorded zoning assessment, as its event records it")
    ZoningAssessmentIssued get(@PathVariable String id) {
        currentActor.actingAs(ANY_ROLE);
        return records.issued(ZoningAssessmentId.parse(id));
    }

    @GetMapping("/{id}/verification")
    @Operation(summary = "Re-run a recorded assessment from its recorded facts and rulebook version, output by output")
    Verification verify(@PathVariable String id) {
        currentActor.actingAs(ANY_ROLE);
        return verifier.verify(ZoningAssessmentId.parse(id));
    }

    @GetMapping("/{id}/facts-check")
    @Operation(summary = "Recompute a recorded assessment's facts from the layer versions it names, fact by fact")
    FactsCheck checkFacts(@PathVariable String id) {
        currentActor.actingAs(ANY_ROLE);
        return verifier.checkFacts(ZoningAssessmentId.parse(id));
    }
}
