package ir.parvaneh.command.review.write;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.command.review.assign.ReviewDeskView;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.review.ReviewDeskCommands.EnrolReviewer;
import ir.parvaneh.kernel.review.ReviewDeskCommands.RetireReviewer;
import ir.parvaneh.kernel.review.ReviewDeskCommands.SetReviewTerms;
import ir.parvaneh.kernel.review.ReviewDeskId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality's review desk: its administrator (or the province's) enrols and retires the clerks who review
 * permit applications and sets the review terms; staff and oversight read the desk and its waiting applications.
 * Who reviews which application is never chosen here: the platform's assignment policy does it.
 */
@RestController
@RequestMapping("/api/municipalities/{slug}/review-desk")
@Tag(name = "Review desk", description = "The reviewers of a municipality's permit applications and their terms")
@SecurityRequirement(name = "bearer")
class ReviewDeskController {

    private static final Role[] ADMINISTRATORS = {Role.MUNICIPAL_ADMIN, Role.PROVINCE_ADMIN};
    private static final Role[] READERS = {Role.MUNICIPAL_ADMIN, Role.CLERK, Role.INSPECTOR, Role.PROVINCE_ADMIN,
            Role.OVERSIGHT};

    record Enrolment(String name) {
    }

    record Terms(Integer reviewDays, Integer maxOpenReviews) {
    }

    private final ActingCommands commands;
    private final CurrentActor currentActor;
    private final MunicipalitySlugs slugs;
    private final ReviewDeskView view;

    ReviewDeskController(ActingCommands commands, CurrentActor currentActor, MunicipalitySlugs slugs, ReviewDeskView view) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.slugs = slugs;
        this.view = view;
    }

    @GetMapping
    @Operation(summary = "The desk: review terms, reviewers with their open reviews, applications waiting (oldest first)",
            description = "Kept from the events a moment after they are recorded: a change just made may take a second to show.")
    ReviewDeskView.Desk desk(@PathVariable String slug) {
        Actor actor = currentActor.actingAs(READERS);
        MunicipalityId municipality = slugs.require(slug);
        serves(actor, slug);
        return view.of(municipality.toString());
    }

    @PutMapping("/reviewers/{subject}")
    @Operation(summary = "Enrol a clerk as a reviewer (municipal administrator); enrolling again changes nothing",
            description = "The subject is the clerk's identity-provider subject (the 'sub' of their token).")
    ResponseEntity<Void> enrol(@PathVariable String slug, @PathVariable String subject, @RequestBody Enrolment body) {
        Actor actor = currentActor.actingAs(ADMINISTRATORS);
        MunicipalityId municipality = slugs.require(slug);
        commands.send(new EnrolReviewer(ReviewDeskId.of(municipality), municipality, slug, subject,
                body == null ? null : body.name()), actor);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/reviewers/{subject}")
    @Operation(summary = "Retire a reviewer (municipal administrator): no new applications; assigned ones stay theirs")
    ResponseEntity<Void> retire(@PathVariable String slug, @PathVariable String subject,
                                @RequestParam(required = false) String reason) {
        Actor actor = currentActor.actingAs(ADMINISTRATORS);
        MunicipalityId municipality = slugs.require(slug);
        commands.send(new RetireReviewer(ReviewDeskId.of(municipality), municipality, slug, subject, reason), actor);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/terms")
    @Operation(summary = "Set the review terms (municipal administrator): days to decide, open reviews per reviewer")
    ResponseEntity<Void> terms(@PathVariable String slug, @RequestBody Terms body) {
        Actor actor = currentActor.actingAs(ADMINISTRATORS);
        MunicipalityId municipality = slugs.require(slug);
        if (body == null || body.reviewDays() == null || body.maxOpenReviews() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Both reviewDays and maxOpenReviews are required")
                    .with("field", body == null || body.reviewDays() == null ? "reviewDays" : "maxOpenReviews");
        }
        commands.send(new SetReviewTerms(ReviewDeskId.of(municipality), municipality, slug, body.reviewDays(),
                body.maxOpenReviews()), actor);
        return ResponseEntity.noContent().build();
    }

    private static void serves(Actor actor, String slug) {
        if (!actor.actsFor(slug)) {
            throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY, "The actor serves '" + actor.municipality()
                    + "', not '" + slug + "'");
        }
    }
}
