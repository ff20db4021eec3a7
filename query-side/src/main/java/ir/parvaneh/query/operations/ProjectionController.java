package ir.parvaneh.query.operations;

import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.query.infrastructure.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The projections' operations for the province's administrators: positions, a rebuild of one projection, and its
 * dead-letter queue (events it could not handle), visible and retryable. Oversight may look, not act.
 */
@RestController
@RequestMapping("/api/operations/projections")
@Tag(name = "Operations", description = "The query side's projections: positions, rebuilds and dead letters")
@SecurityRequirement(name = "bearer")
class ProjectionController {

    private final ProjectionOperations operations;

    ProjectionController(ProjectionOperations operations) {
        this.operations = operations;
    }

    @GetMapping
    @Operation(summary = "Every projection: running, replaying, each segment's position, events parked")
    List<ProjectionOperations.Projection> all() {
        Caller.current().requireAny(Role.PROVINCE_ADMIN, Role.OVERSIGHT);
        return operations.all();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One projection's state")
    ProjectionOperations.Projection one(@PathVariable String name) {
        Caller.current().requireAny(Role.PROVINCE_ADMIN, Role.OVERSIGHT);
        return operations.one(name);
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild one projection from the first event (province administrator)",
            description = "Its tables are cleared by its reset handlers and refilled as it replays; while it replays, its "
                    + "views lag. With several query-side instances, stop the processor on the others first.")
    ResponseEntity<ProjectionOperations.Projection> rebuild(@PathVariable String name) {
        Caller.current().requireAny(Role.PROVINCE_ADMIN);
        return ResponseEntity.accepted().body(operations.rebuild(name));
    }

    @GetMapping("/{name}/dead-letters")
    @Operation(summary = "The events the projection parked, oldest sequence first, with the failure of each")
    List<ProjectionOperations.ParkedEvent> parked(@PathVariable String name,
                                                   @RequestParam(defaultValue = "100") int limit) {
        Caller.current().requireAny(Role.PROVINCE_ADMIN, Role.OVERSIGHT);
        return operations.parked(name, Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Operation(summary = "Offer every parked event to the projection again (province administrator)")
    ProjectionOperations.Retried retry(@PathVariable String name) {
        Caller.current().requireAny(Role.PROVINCE_ADMIN);
        return operations.retry(name);
    }
}
