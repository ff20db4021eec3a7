package ir.parvaneh.command.permit.write;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitCommands.IssuePermit;
import ir.parvaneh.kernel.time.IranTime;
import ir.parvaneh.kernel.time.JalaliDate;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

import static ir.parvaneh.command.jooq.command.Tables.PERMIT_NUMBER;
import static ir.parvaneh.command.jooq.command.Tables.PERMIT_NUMBER_COUNTER;

/**
 * Issues an approved application's permit with the next number of its municipality and Jalali year. The
 * number is allocated in the transaction that sends {@link IssuePermit}: if the aggregate refuses (the
 * application is not approved, the actor may not issue), the allocation rolls back with it and no number is
 * lost. An application that already has a number keeps it, so a retried issue is the same command again.
 */
@Component
public class PermitIssuing {

    private final DSLContext dsl;
    private final ActingCommands commands;
    private final Clock clock;

    PermitIssuing(DSLContext dsl, ActingCommands commands, Clock clock) {
        this.dsl = dsl;
        this.commands = commands;
        this.clock = clock;
    }

    /** Issues the permit and answers with its number. */
    @Transactional
    public String issue(PermitApplicationId application, String municipalitySlug, List<String> conditions,
                        String supervisingEngineerSubject, String supervisingEngineerName, Actor actor) {
        return issue(application, municipalitySlug, conditions, supervisingEngineerSubject, supervisingEngineerName, null,
                actor);
    }

    /** Issues the permit naming the supervising engineer with their licence number; answers with its number. */
    @Transactional
    public String issue(PermitApplicationId application, String municipalitySlug, List<String> conditions,
                        String supervisingEngineerSubject, String supervisingEngineerName, String supervisingEngineerLicence,
                        Actor actor) {
        String number = numberOf(application.toString(), municipalitySlug);
        commands.send(new IssuePermit(application, "issue-" + number, number, conditions, supervisingEngineerSubject,
                supervisingEngineerName, supervisingEngineerLicence), actor);
        return number;
    }

    private String numberOf(String applicationId, String slug) {
        String existing = dsl.select(PERMIT_NUMBER.PERMIT_NUMBER_).from(PERMIT_NUMBER)
                .where(PERMIT_NUMBER.APPLICATION_ID.eq(applicationId))
                .fetchOne(PERMIT_NUMBER.PERMIT_NUMBER_);
        if (existing != null) {
            return existing;
        }
        int year = JalaliDate.of(IranTime.today(clock)).year();
        int sequence = dsl.insertInto(PERMIT_NUMBER_COUNTER)
                .set(PERMIT_NUMBER_COUNTER.MUNICIPALITY_SLUG, slug)
                .set(PERMIT_NUMBER_COUNTER.JALALI_YEAR, year)
                .set(PERMIT_NUMBER_COUNTER.LAST_SEQUENCE, 1)
                .onConflict(PERMIT_NUMBER_COUNTER.MUNICIPALITY_SLUG, PERMIT_NUMBER_COUNTER.JALALI_YEAR)
                .doUpdate().set(PERMIT_NUMBER_COUNTER.LAST_SEQUENCE, PERMIT_NUMBER_COUNTER.LAST_SEQUENCE.plus(1))
                .returning(PERMIT_NUMBER_COUNTER.LAST_SEQUENCE)
                .fetchOne(PERMIT_NUMBER_COUNTER.LAST_SEQUENCE);
        String number = String.format("%s-%d-%06d", slug, year, sequence);
        dsl.insertInto(PERMIT_NUMBER)
                .set(PERMIT_NUMBER.PERMIT_NUMBER_, number)
                .set(PERMIT_NUMBER.APPLICATION_ID, applicationId)
                .set(PERMIT_NUMBER.MUNICIPALITY_SLUG, slug)
                .set(PERMIT_NUMBER.JALALI_YEAR, year)
                .set(PERMIT_NUMBER.SEQUENCE, sequence)
                .execute();
        return number;
    }
}
