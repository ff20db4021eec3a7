package ir.parvaneh.command.review.assign;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.review.assign.ReviewDeskView.Reviewer;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitCommands.AssignReviewer;
import ir.parvaneh.kernel.time.IranTime;
import jakarta.annotation.PreDestroy;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static ir.parvaneh.command.jooq.command.Tables.REVIEW_APPLICATION;
import static ir.parvaneh.command.jooq.command.Tables.REVIEW_QUEUE;

/**
 * The assignment policy: the platform, never a person, gives each application waiting for review to a reviewer.
 * <ul>
 *   <li><b>Strict FIFO per municipality</b>: applications are taken in the order they became ready
 *       ({@code review_queue.ready_position}); one is passed over only when no reviewer may take <em>it</em> (every
 *       reviewer with room is its applicant or rejected it before), never to favour another.</li>
 *   <li><b>Least-loaded reviewer</b>: among the municipality's enrolled reviewers with fewer open reviews than the
 *       desk's limit, the one with the fewest; on a tie, the one who waited longest since their last assignment,
 *       then by subject, so the choice is reproducible.</li>
 *   <li>The review is due {@code reviewDays} (the desk's terms) after today in Tehran.</li>
 * </ul>
 * Each assignment is one transaction: under a per-municipality advisory lock (so several instances never assign
 * the same queue at once) it writes the assignee into the queue and sends {@code AssignReviewer} as the platform;
 * the command joins the transaction, so a refused command leaves the queue as it was. A refused application (it
 * moved on before the queue saw it) is marked and skipped until it is ready again.
 * Work arrives from the {@link ReviewQueue} after each commit, and from a sweep every {@link #SWEEP}.
 */
@Component
public class ReviewAssigner {

    static final Actor POLICY = Actor.system("review-assignment");
    static final Duration SWEEP = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ReviewAssigner.class);
    private static final int LOOK_AHEAD = 200;

    private final DSLContext dsl;
    private final ReviewDeskView desk;
    private final TransactionTemplate transactions;
    private final ActingCommands commands;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "review-assigner");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    ReviewAssigner(DSLContext dsl, ReviewDeskView desk, TransactionTemplate transactions, ActingCommands commands,
                   Clock clock) {
        this.dsl = dsl;
        this.desk = desk;
        this.transactions = transactions;
        this.commands = commands;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        worker.scheduleWithFixedDelay(this::sweep, SWEEP.toSeconds(), SWEEP.toSeconds(), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Asks for the municipality's queue to be looked at once the current unit of work has committed. */
    void requestAfterCommit(String municipalityId) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> request(municipalityId));
        } else {
            request(municipalityId);
        }
    }

    /** Asks for the municipality's queue to be looked at soon, on the assigner's own thread; requests coalesce. */
    public void request(String municipalityId) {
        if (requested.add(municipalityId)) {
            worker.execute(() -> {
                requested.remove(municipalityId);
                assignWaiting(municipalityId);
            });
        }
    }

    private void sweep() {
        try {
            dsl.selectDistinct(REVIEW_QUEUE.MUNICIPALITY_ID).from(REVIEW_QUEUE)
                    .where(REVIEW_QUEUE.ASSIGNED_TO.isNull()).and(REVIEW_QUEUE.REFUSED_CODE.isNull())
                    .fetch(REVIEW_QUEUE.MUNICIPALITY_ID)
                    .forEach(this::request);
        } catch (RuntimeException e) {
            log.warn("The review queue sweep failed; it runs again in {}", SWEEP, e);
        }
    }

    /** Assigns the municipality's waiting applications, one transaction each, until none can be assigned. */
    public int assignWaiting(String municipalityId) {
        int assigned = 0;
        while (true) {
            AtomicReference<String> attempted = new AtomicReference<>();
            try {
                Boolean done = transactions.execute(status -> assignOne(municipalityId, attempted));
                if (!Boolean.TRUE.equals(done)) {
                    return assigned;
                }
                assigned++;
            } catch (DomainException refused) {
                log.info("Assigning {} was refused ({}): skipped until it is ready again", attempted.get(), refused.code());
                markRefused(attempted.get(), refused.code().name());
            } catch (RuntimeException e) {
                log.warn("Assigning the review queue of {} failed; the sweep tries again", municipalityId, e);
                return assigned;
            }
        }
    }

    private boolean assignOne(String municipalityId, AtomicReference<String> attempted) {
        dsl.select(DSL.field("pg_advisory_xact_lock(hashtext({0}))", Object.class, DSL.val("review-desk:" + municipalityId)))
                .fetch();
        List<Reviewer> reviewers = desk.reviewers(municipalityId);
        if (reviewers.isEmpty()) {
            return false;
        }
        ReviewDeskView.Terms terms = desk.terms(municipalityId);
        int limit = terms.maxOpenReviews();
        if (reviewers.stream().noneMatch(r -> r.openReviews() < limit)) {
            return false;
        }
        var waiting = dsl.select(REVIEW_QUEUE.APPLICATION_ID, REVIEW_APPLICATION.APPLICANT_SUBJECT,
                        REVIEW_APPLICATION.EXCLUDED_REVIEWERS, REVIEW_APPLICATION.MUNICIPALITY_SLUG,
                        REVIEW_QUEUE.READY_POSITION)
                .from(REVIEW_QUEUE).join(REVIEW_APPLICATION).using(REVIEW_QUEUE.APPLICATION_ID)
                .where(REVIEW_QUEUE.MUNICIPALITY_ID.eq(municipalityId))
                .and(REVIEW_QUEUE.ASSIGNED_TO.isNull()).and(REVIEW_QUEUE.REFUSED_CODE.isNull())
                .orderBy(REVIEW_QUEUE.READY_POSITION)
                .limit(LOOK_AHEAD)
                .fetch();
        for (var application : waiting) {
            List<String> barred = Arrays.asList(application.value3());
            Optional<Reviewer> chosen = reviewers.stream()
                    .filter(r -> r.openReviews() < limit)
                    .filter(r -> !r.subject().equals(application.value2()) && !barred.contains(r.subject()))
                    .min(Comparator.comparingInt(Reviewer::openReviews)
                            .thenComparing(Reviewer::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(Reviewer::subject));
            if (chosen.isPresent()) {
                attempted.set(application.value1());
                assign(application.value1(), application.value4(), application.value5(), chosen.get(), terms.reviewDays());
                return true;
            }
        }
        return false;
    }

    private void assign(String applicationId, String slug, long readyPosition, Reviewer reviewer, int reviewDays) {
        LocalDate due = IranTime.today(clock).plusDays(reviewDays);
        dsl.update(REVIEW_QUEUE)
                .set(REVIEW_QUEUE.ASSIGNED_TO, reviewer.subject())
                .set(REVIEW_QUEUE.ASSIGNED_AT, OffsetDateTime.now(clock))
                .set(REVIEW_QUEUE.REVIEW_DUE_ON, due)
                .where(REVIEW_QUEUE.APPLICATION_ID.eq(applicationId))
                .execute();
        // One command id per readiness: a retry of the same assignment is recognised by the application.
        commands.send(new AssignReviewer(PermitApplicationId.parse(applicationId), "review-assignment:" + readyPosition,
                reviewer.subject(), reviewer.name(), Role.CLERK.name(), slug, due.toString()), POLICY);
    }

    private void markRefused(String applicationId, String code) {
        if (applicationId == null) {
            return;
        }
        transactions.executeWithoutResult(status -> dsl.update(REVIEW_QUEUE)
                .set(REVIEW_QUEUE.REFUSED_CODE, code)
                .where(REVIEW_QUEUE.APPLICATION_ID.eq(applicationId))
                .and(REVIEW_QUEUE.ASSIGNED_TO.isNull())
                .execute());
    }
}
