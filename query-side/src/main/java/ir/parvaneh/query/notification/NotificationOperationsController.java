package ir.parvaneh.query.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.query.infrastructure.security.Caller;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static ir.parvaneh.query.jooq.query.Tables.NOTIFICATION;

/**
 * The outbox as the province's operators see it: how many messages are in each status per channel, the ones that
 * failed with the gateway's own words, and a retry for a message that failed for good (after a long gateway outage).
 * A retry is safe: a FAILED message was never accepted by its gateway, and a SENT one cannot be retried.
 */
@RestController
@Tag(name = "Notification operations", description = "The outbox's state; retrying messages that failed")
@SecurityRequirement(name = "bearer")
class NotificationOperationsController {

    private static final int MAX_LIMIT = 500;

    /** A message that did not go, with the failure as the gateway reported it. */
    record Undelivered(String id, String kind, String channel, String status, String recipientSubject,
                       String applicationId, int attempts, String lastError, Instant createdAt) {
    }

    record Outboxes(Map<String, Map<String, Integer>> counts, List<Undelivered> undelivered) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    NotificationOperationsController(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @GetMapping("/api/operations/notifications")
    @Operation(summary = "Messages per channel and status, and the latest FAILED and UNDELIVERABLE ones "
            + "(PROVINCE_ADMIN, OVERSIGHT)")
    Outboxes outbox(@RequestParam(defaultValue = "50") int limit) {
        Caller.current().requireAny(Role.PROVINCE_ADMIN, Role.OVERSIGHT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_LIMIT);
        }
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        dsl.select(NOTIFICATION.CHANNEL, NOTIFICATION.STATUS, DSL.count()).from(NOTIFICATION)
                .groupBy(NOTIFICATION.CHANNEL, NOTIFICATION.STATUS)
                .forEach(r -> counts.computeIfAbsent(r.value1(), c -> new TreeMap<>()).put(r.value2(), r.value3()));
        List<Undelivered> undelivered = dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.STATUS.in(Outbox.FAILED, Outbox.UNDELIVERABLE))
                .orderBy(NOTIFICATION.CREATED_AT.desc())
                .limit(limit)
                .fetch(r -> new Undelivered(r.getId().toString(), r.getKind(), r.getChannel(), r.getStatus(),
                        r.getRecipientSubject(), r.getApplicationId(), r.getAttempts(), r.getLastError(),
                        r.getCreatedAt().toInstant()));
        return new Outboxes(counts, undelivered);
    }

    @PostMapping("/api/operations/notifications/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a FAILED or UNDELIVERABLE message again, from its first attempt (PROVINCE_ADMIN)")
    void retry(@PathVariable UUID id) {
        Caller.current().requireAny(Role.PROVINCE_ADMIN);
        int requeued = dsl.update(NOTIFICATION)
                .set(NOTIFICATION.STATUS, Outbox.PENDING)
                .set(NOTIFICATION.ATTEMPTS, 0)
                .set(NOTIFICATION.NEXT_ATTEMPT_AT, clock.instant().atOffset(ZoneOffset.UTC))
                // The wait for an address counts from the retry, not from the first queueing.
                .set(NOTIFICATION.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(NOTIFICATION.ID.eq(id))
                .and(NOTIFICATION.STATUS.in(Outbox.FAILED, Outbox.UNDELIVERABLE))
                .execute();
        if (requeued == 0) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No failed or undeliverable message " + id);
        }
    }
}
