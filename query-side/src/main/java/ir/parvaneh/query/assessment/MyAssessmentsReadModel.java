package ir.parvaneh.query.assessment;

import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.AssessmentSummary;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.Day;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindAssessmentsOfRequester;
import ir.parvaneh.kernel.time.JalaliDate;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

import static ir.parvaneh.query.jooq.query.Tables.ZONING_ASSESSMENT;

/** Answers a citizen's "my assessments" from {@code query.zoning_assessment}. */
@Component
class MyAssessmentsReadModel {

    private final DSLContext dsl;

    MyAssessmentsReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @QueryHandler
    FindAssessmentsOfRequester.Result find(FindAssessmentsOfRequester query) {
        return new FindAssessmentsOfRequester.Result(dsl.selectFrom(ZONING_ASSESSMENT)
                .where(ZONING_ASSESSMENT.REQUESTER_SUBJECT.eq(query.requesterSubject()))
                .orderBy(ZONING_ASSESSMENT.ISSUED_AT.desc(), ZONING_ASSESSMENT.ID)
                .fetch(r -> new AssessmentSummary(r.getId(), r.getMunicipalityId(), r.getMunicipalitySlug(),
                        r.getPlate(), r.getIntendedUse(), day(r.getIssuedOn()), day(r.getValidUntil()),
                        r.getRulebookVersion(), r.getIssuedAt().toInstant())));
    }

    private static Day day(LocalDate date) {
        return new Day(date.toString(), JalaliDate.of(date).toString());
    }
}
