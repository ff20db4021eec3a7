package ir.parvaneh.command.permit.documents;

import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationResubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Download of a document an application cites, for those who may read the application: its applicant, staff of its
 * municipality and the province. Only what the application's (re)submissions cite can be fetched through it, so
 * holding a hash is not enough to read another applicant's deed; the citations are read from the application's
 * events in the event store, the only record of them on the command side.
 */
@RestController
@Tag(name = "Documents", description = "Drawings and documents of permit applications (PDF)")
@SecurityRequirement(name = "bearer")
class ApplicationDocumentController {

    private static final Role[] READERS = {Role.CITIZEN, Role.CLERK, Role.MUNICIPAL_ADMIN, Role.INSPECTOR,
            Role.OVERSIGHT, Role.PROVINCE_ADMIN};

    private final DocumentStore store;
    private final EventStore eventStore;
    private final CurrentActor currentActor;

    ApplicationDocumentController(DocumentStore store, EventStore eventStore, CurrentActor currentActor) {
        this.store = store;
        this.eventStore = eventStore;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/permit-applications/{id}/documents/{sha256}")
    @Operation(summary = "Download a document the application cites (PDF)",
            description = "For the applicant, staff of the application's municipality, provincial oversight and the "
                    + "province administrator. A document the application does not cite is not found, even if stored.")
    ResponseEntity<Resource> download(@PathVariable String id, @PathVariable String sha256) {
        Actor actor = currentActor.actingAs(READERS);
        PermitApplicationId applicationId = PermitApplicationId.parse(id);
        List<PermitApplicationEvent> events = eventStore.readEvents(applicationId.toString()).asStream()
                .map(message -> message.getPayload())
                .filter(PermitApplicationEvent.class::isInstance)
                .map(PermitApplicationEvent.class::cast)
                .toList();
        if (events.isEmpty() || !(events.get(0) instanceof PermitApplicationSubmitted submitted)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No permit application " + applicationId + " was submitted")
                    .with("applicationId", applicationId.toString());
        }
        mayRead(actor, submitted);
        DocumentReference cited = citations(events).stream()
                .filter(reference -> reference.sha256() != null && reference.sha256().equals(sha256))
                .reduce((earlier, later) -> later)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "The application cites no document "
                        + sha256).with("sha256", sha256));
        Resource content = store.open(sha256).map(InputStreamResource::new)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "The application cites the document "
                        + sha256 + " but the document store does not hold it").with("sha256", sha256));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(cited.fileName() == null || cited.fileName().isBlank() ? sha256 + ".pdf" : cited.fileName(),
                                StandardCharsets.UTF_8)
                        .build().toString())
                // The content under a hash never changes, but who may read it can: private, and asked for again.
                .eTag("\"" + sha256 + "\"")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(content);
    }

    private static void mayRead(Actor actor, PermitApplicationSubmitted submitted) {
        if (actor.role() == Role.CITIZEN && !actor.subject().equals(submitted.applicantSubject())) {
            throw new DomainException(ErrorCode.PERMIT_NOT_APPLICANT, actor.subject() + " is not the applicant");
        }
        if (actor.role().scope() == Role.Scope.MUNICIPAL && !actor.actsFor(submitted.municipalitySlug())) {
            throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY, "The actor serves '" + actor.municipality()
                    + "', not '" + submitted.municipalitySlug() + "'").with("municipality", String.valueOf(actor.municipality()));
        }
    }

    /** Every document the application's submission and resubmissions cite, in the order cited. */
    private static List<DocumentReference> citations(List<PermitApplicationEvent> events) {
        List<DocumentReference> cited = new ArrayList<>();
        for (PermitApplicationEvent event : events) {
            if (event instanceof PermitApplicationSubmitted submitted) {
                if (submitted.ownershipDocument() != null) {
                    cited.add(submitted.ownershipDocument());
                }
                if (submitted.documents() != null) {
                    cited.addAll(submitted.documents());
                }
            } else if (event instanceof PermitApplicationResubmitted resubmitted && resubmitted.documents() != null) {
                cited.addAll(resubmitted.documents());
            }
        }
        return cited;
    }
}
