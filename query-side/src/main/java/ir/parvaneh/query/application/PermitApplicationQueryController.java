package ir.parvaneh.query.application;

import ir.parvaneh.query.infrastructure.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitStage;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.ApplicationView;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.AssessmentSummary;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindApplicationsOfApplicant;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindAssessmentsOfRequester;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindAssignedReviews;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindStageQueue;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.GetPermitApplication;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.QueueEntry;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.TimelineEntry;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/**
 * Permit applications as citizens, clerks and oversight read them. Who may read what is decided here, from the
 * token: a citizen reads only their own applications; municipal staff only their municipality's; oversight and the
 * province's administrators every municipality's.
 */
@RestController
@Tag(name = "Permit applications", description = "Citizen status, clerk queues and review work lists")
@SecurityRequirement(name = "bearer")
class PermitApplicationQueryController {

    static final String VERSION_HEADER = "X-Read-Model-Version";
    static final String UP_TO_DATE_HEADER = "X-Read-Model-Up-To-Date";
    private static final String VERSION_DESCRIPTION = "The version a command's receipt named: wait (a few seconds at "
            + "most) until the view reflects it. If it does not in time, the view as it is comes back with "
            + UP_TO_DATE_HEADER + ": false.";

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    PermitApplicationQueryController(QueryGateway queries,
                                     ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** An application with its timeline. */
    record ApplicationDetail(ApplicationView application,
                             List<TimelineEntry> timeline) {
    }

    @GetMapping("/api/me/applications")
    @Operation(summary = "My permit applications (a citizen's own), newest first, each with its stage and next step")
    List<ApplicationView> myApplications() {
        Caller caller = Caller.current();
        return queries.query(new FindApplicationsOfApplicant(caller.subject()), FindApplicationsOfApplicant.Result.class)
                .join().applications();
    }

    @GetMapping("/api/me/applications/{id}")
    @Operation(summary = "One of my applications with its timeline, fees, deadlines, next step and reasons",
            description = "Only the applicant's own: any other id is 404.")
    ResponseEntity<ApplicationDetail> myApplication(
            @PathVariable String id,
            @Parameter(description = VERSION_DESCRIPTION) @RequestParam(required = false) Long version) {
        Caller caller = Caller.current();
        ReadYourWrites.Read read = readYourWrites.read(id, version);
        ApplicationView application = read.result().found()
                .filter(a -> a.applicantSubject().equals(caller.subject()))
                .orElseThrow(() -> notFound(id));
        return answer(read, application);
    }

    @GetMapping("/api/applications/{id}")
    @Operation(summary = "An application with its timeline, for its applicant, staff of its municipality and oversight",
            description = "A citizen who is not the applicant gets 403 PERMIT_NOT_APPLICANT; staff of another "
                    + "municipality 403 FORBIDDEN_MUNICIPALITY.")
    ResponseEntity<ApplicationDetail> application(
            @PathVariable String id,
            @Parameter(description = VERSION_DESCRIPTION) @RequestParam(required = false) Long version) {
        Caller caller = Caller.current().requireAny(Role.CITIZEN, Role.CLERK, Role.MUNICIPAL_ADMIN, Role.INSPECTOR,
                Role.OVERSIGHT, Role.PROVINCE_ADMIN);
        ReadYourWrites.Read read = readYourWrites.read(id, version);
        ApplicationView application = read.result().found().orElseThrow(() -> notFound(id));
        boolean applicant = application.applicantSubject().equals(caller.subject());
        if (!applicant && !caller.provincial() && !caller.staffOf(application.municipalitySlug())) {
            if (caller.municipalStaff()) {
                throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY, "The caller serves '"
                        + caller.municipality() + "', not '" + application.municipalitySlug() + "'")
                        .with("municipality", String.valueOf(caller.municipality()));
            }
            throw new DomainException(ErrorCode.PERMIT_NOT_APPLICANT, caller.subject() + " is not the applicant");
        }
        return answer(read, application);
    }

    @GetMapping("/api/municipalities/{slug}/queues/{stage}")
    @Operation(summary = "A municipality's applications in one stage, first come first served",
            description = "Oldest first by the instant each entered the stage, with the time waiting, the "
                    + "municipality's deadline in that stage and the time left to it (negative: overdue), and the "
                    + "assignee. For staff of that municipality, oversight and the province's administrators.")
    List<QueueEntry> queue(@PathVariable String slug,
                           @Parameter(description = "A PermitStage, e.g. AWAITING_REVIEW, IN_REVIEW, APPROVED")
                           @PathVariable String stage) {
        Caller caller = Caller.current().requireAny(Role.CLERK, Role.MUNICIPAL_ADMIN, Role.INSPECTOR,
                Role.OVERSIGHT, Role.PROVINCE_ADMIN);
        if (!caller.provincial() && !caller.staffOf(slug)) {
            throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY, "The caller serves '" + caller.municipality()
                    + "', not '" + slug + "'").with("municipality", String.valueOf(caller.municipality()));
        }
        if (Arrays.stream(PermitStage.values()).noneMatch(s -> s.name().equals(stage))) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "No stage " + stage).with("field", "stage");
        }
        return queries.query(new FindStageQueue(slug, stage), FindStageQueue.Result.class).join().entries();
    }

    @GetMapping("/api/me/reviews")
    @Operation(summary = "The applications assigned to me (a reviewer) that are still with me, soonest due first")
    List<QueueEntry> myReviews() {
        Caller caller = Caller.current().requireAny(Role.CLERK, Role.MUNICIPAL_ADMIN);
        return queries.query(new FindAssignedReviews(caller.subject()), FindAssignedReviews.Result.class)
                .join().entries();
    }

    @GetMapping("/api/me/assessments")
    @Operation(summary = "The zoning assessments (دستور نقشه) I asked for, newest first")
    List<AssessmentSummary> myAssessments() {
        Caller caller = Caller.current();
        return queries.query(new FindAssessmentsOfRequester(caller.subject()), FindAssessmentsOfRequester.Result.class)
                .join().assessments();
    }

    private static ResponseEntity<ApplicationDetail> answer(ReadYourWrites.Read read, ApplicationView application) {
        return ResponseEntity.ok()
                .header(VERSION_HEADER, String.valueOf(application.version()))
                .header(UP_TO_DATE_HEADER, String.valueOf(read.upToDate()))
                .body(new ApplicationDetail(application, read.result().timeline()));
    }

    private static DomainException notFound(String id) {
        return new DomainException(ErrorCode.NOT_FOUND, "No permit application " + id).with("applicationId", id);
    }
}
