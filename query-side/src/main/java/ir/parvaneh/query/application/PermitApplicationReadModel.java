package ir.parvaneh.query.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitStage;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.ApplicationView;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.Assignee;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.Day;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.Fees;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindApplicationsOfApplicant;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindAssignedReviews;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindStageQueue;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.GetPermitApplication;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.MunicipalityDeadline;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.NextStep;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.QueueEntry;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.Reasons;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.TimelineEntry;
import ir.parvaneh.kernel.time.IranTime;
import ir.parvaneh.kernel.time.JalaliDate;
import ir.parvaneh.query.infrastructure.axon.StoredEvents;
import ir.parvaneh.query.jooq.query.tables.records.PermitApplicationRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ir.parvaneh.query.jooq.query.Tables.PERMIT_APPLICATION;

/**
 * Answers the permit-application queries from the table {@link PermitApplicationProjector} keeps, and an
 * application's timeline from its recorded events: one indexed read of its stream in the event store
 * ({@link StoredEvents}), up to the event the row has folded, so the timeline never runs ahead of the row it is
 * shown with and a subscriber waiting for a version sees both at once. The query side keeps no second copy of the
 * events for it.
 */
@Component
class PermitApplicationReadModel {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final DSLContext dsl;
    private final ObjectMapper json;
    private final Clock clock;
    private final StoredEvents storedEvents;

    PermitApplicationReadModel(DSLContext dsl, ObjectMapper json, Clock clock, StoredEvents storedEvents) {
        this.dsl = dsl;
        this.json = json;
        this.clock = clock;
        this.storedEvents = storedEvents;
    }

    @QueryHandler
    GetPermitApplication.Result get(GetPermitApplication query) {
        PermitApplicationRecord row = dsl.selectFrom(PERMIT_APPLICATION)
                .where(PERMIT_APPLICATION.ID.eq(query.applicationId())).fetchOne();
        if (row == null) {
            return new GetPermitApplication.Result(null, List.of());
        }
        return new GetPermitApplication.Result(view(row), timeline(query.applicationId(), row.getLastSequence()));
    }

    /** A step per recorded permit-application event up to {@code lastSequence}, oldest first. */
    private List<TimelineEntry> timeline(String applicationId, long lastSequence) {
        List<TimelineEntry> timeline = new ArrayList<>();
        for (DomainEventMessage<?> message : storedEvents.of(applicationId)) {
            if (message.getSequenceNumber() > lastSequence) {
                break;
            }
            if (PermitApplicationEvent.class.isAssignableFrom(message.getPayloadType())) {
                timeline.add(step(message, (PermitApplicationEvent) message.getPayload()));
            }
        }
        return timeline;
    }

    private TimelineEntry step(DomainEventMessage<?> message, PermitApplicationEvent event) {
        TimelineText text = TimelineText.of(event);
        Instant at = message.getTimestamp();
        // The details as plain JSON values (maps, lists, strings, numbers), as a client will read them.
        Map<String, Object> details = json.convertValue(text.details(), DETAILS);
        return new TimelineEntry(message.getSequenceNumber(), event.getClass().getSimpleName(), at,
                JalaliDate.of(at.atZone(IranTime.ZONE).toLocalDate()).toString(),
                text(message.getMetaData().get(Actor.SUBJECT)), text(message.getMetaData().get(Actor.ROLE)),
                text.summaryFa(), text.summaryEn(), details);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @QueryHandler
    FindApplicationsOfApplicant.Result mine(FindApplicationsOfApplicant query) {
        return new FindApplicationsOfApplicant.Result(dsl.selectFrom(PERMIT_APPLICATION)
                .where(PERMIT_APPLICATION.APPLICANT_SUBJECT.eq(query.applicantSubject()))
                .orderBy(PERMIT_APPLICATION.SUBMITTED_AT.desc(), PERMIT_APPLICATION.ID)
                .fetch(this::view));
    }

    @QueryHandler
    FindStageQueue.Result queue(FindStageQueue query) {
        return new FindStageQueue.Result(entries(dsl.selectFrom(PERMIT_APPLICATION)
                .where(PERMIT_APPLICATION.MUNICIPALITY_SLUG.eq(query.municipalitySlug()))
                .and(PERMIT_APPLICATION.STAGE.eq(query.stage()))
                .orderBy(PERMIT_APPLICATION.ENTERED_STAGE_AT, PERMIT_APPLICATION.ID)
                .fetch()));
    }

    @QueryHandler
    FindAssignedReviews.Result assigned(FindAssignedReviews query) {
        return new FindAssignedReviews.Result(entries(dsl.selectFrom(PERMIT_APPLICATION)
                .where(PERMIT_APPLICATION.ASSIGNEE_SUBJECT.eq(query.reviewerSubject()))
                .and(PERMIT_APPLICATION.STAGE.in(PermitStage.IN_REVIEW.name(),
                        PermitStage.AWAITING_SECOND_APPROVAL.name()))
                .orderBy(PERMIT_APPLICATION.REVIEW_DUE_ON, PERMIT_APPLICATION.ENTERED_STAGE_AT, PERMIT_APPLICATION.ID)
                .fetch()));
    }

    private List<QueueEntry> entries(List<PermitApplicationRecord> rows) {
        Instant now = clock.instant();
        List<QueueEntry> entries = new ArrayList<>();
        for (PermitApplicationRecord row : rows) {
            Instant entered = row.getEnteredStageAt().toInstant();
            MunicipalityDeadline deadline = municipalityDeadline(row);
            Long timeLeft = null;
            if (deadline != null) {
                // A deadline day ends at midnight in Tehran.
                Instant end = LocalDate.parse(deadline.dueOn().date()).plusDays(1).atStartOfDay(IranTime.ZONE)
                        .toInstant();
                timeLeft = Duration.between(now, end).toSeconds();
            }
            entries.add(new QueueEntry(entries.size() + 1, row.getId(), row.getMunicipalitySlug(), row.getPlate(),
                    row.getApplicantName(), row.getStage(), entered, Duration.between(entered, now).toSeconds(),
                    deadline, timeLeft, timeLeft != null && timeLeft < 0, assignee(row), row.getLastSequence()));
        }
        return entries;
    }

    private ApplicationView view(PermitApplicationRecord row) {
        ApplicantStep step = ApplicantStep.valueOf(row.getNextStep());
        Day by = switch (step) {
            case CORRECT_AND_RESUBMIT, RESUBMIT_WITH_MISSING_INFORMATION -> day(row.getCorrectBy());
            case PAY_FEES -> day(row.getPayBy());
            default -> null;
        };
        return new ApplicationView(row.getId(), row.getMunicipalityId(), row.getMunicipalitySlug(), row.getPlate(),
                row.getApplicantSubject(), row.getApplicantName(), row.getStage(), row.getRound(),
                row.getLastSequence(), row.getSubmittedAt().toInstant(), row.getLastChangedAt().toInstant(),
                row.getEnteredStageAt().toInstant(),
                new Fees(row.getFeesTotalRials(), row.getFeesPaidRials(), row.getFeesDueRials(), day(row.getPayBy())),
                day(row.getCorrectBy()), municipalityDeadline(row), assignee(row), row.getPermitNumber(),
                new NextStep(step.name(), step.textFa(), step.textEn(), by),
                row.getReasons() == null ? null : read(row.getReasons(), new TypeReference<Reasons>() {
                }));
    }

    /** The day the municipality must act by in the current stage, if the law or the desk's terms set one. */
    private static MunicipalityDeadline municipalityDeadline(PermitApplicationRecord row) {
        PermitStage stage = ApplicationFold.stage(row);
        if ((stage == PermitStage.IN_REVIEW || stage == PermitStage.AWAITING_SECOND_APPROVAL)
                && row.getReviewDueOn() != null) {
            return new MunicipalityDeadline("REVIEW", day(row.getReviewDueOn()));
        }
        if (stage == PermitStage.APPROVED && row.getIssueBy() != null) {
            return new MunicipalityDeadline("ISSUE", day(row.getIssueBy()));
        }
        return null;
    }

    private static Assignee assignee(PermitApplicationRecord row) {
        return row.getAssigneeSubject() == null ? null : new Assignee(row.getAssigneeSubject(), row.getAssigneeName());
    }

    private static Day day(LocalDate date) {
        return date == null ? null : new Day(date.toString(), JalaliDate.of(date).toString());
    }

    private <T> T read(JSONB value, TypeReference<T> type) {
        try {
            return json.readValue(value.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in the permit-application read model", e);
        }
    }
}
