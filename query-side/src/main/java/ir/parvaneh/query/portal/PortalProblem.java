package ir.parvaneh.query.portal;

import com.fasterxml.jackson.databind.JsonNode;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

/**
 * Something a person met on a page that stops what they asked for: a refusal of the command API (its RFC 9457
 * problem, which carries the stable {@code code} and both titles), a refusal of the query side's own rules, or a
 * service that did not answer. The portal's error page shows the title in the reader's language and, from the
 * messages, what to do about it ({@code problem.<CODE>.todo}).
 *
 * @param status  the HTTP status the page answers with
 * @param code    the platform's stable error code ({@link ErrorCode}) or one of the portal's own
 * @param titleFa the title in Persian
 * @param titleEn the title in English
 * @param detail  the technical detail, shown small for support staff
 */
public class PortalProblem extends RuntimeException {

    /** The command API could not be reached or did not answer in time. */
    public static final String COMMAND_API_UNREACHABLE = "COMMAND_API_UNREACHABLE";
    /** The identity provider no longer accepts the session's tokens: the person signs in again. */
    public static final String SESSION_EXPIRED = "SESSION_EXPIRED";

    private final int status;
    private final String code;
    private final String titleFa;
    private final String titleEn;

    public PortalProblem(int status, String code, String titleFa, String titleEn, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.titleFa = titleFa;
        this.titleEn = titleEn;
    }

    public static PortalProblem of(ErrorCode code, String detail) {
        return new PortalProblem(code.httpStatus(), code.name(), code.titleFa(), code.titleEn(), detail);
    }

    public static PortalProblem of(DomainException refused) {
        return of(refused.code(), refused.getMessage());
    }

    /** A problem document of the command API, as the portal shows it. */
    static PortalProblem fromProblem(int status, JsonNode problem) {
        String code = problem.path("code").asText("");
        if (code.isEmpty()) {
            code = status >= 500 ? ErrorCode.INTERNAL_ERROR.name() : ErrorCode.VALIDATION_FAILED.name();
        }
        String fa = problem.path("title_fa").asText(null);
        String en = problem.path("title_en").asText(null);
        String detail = problem.path("detail").asText("");
        if (fa == null || en == null) {
            ErrorCode known = known(code);
            fa = fa != null ? fa : known.titleFa();
            en = en != null ? en : known.titleEn();
        }
        return new PortalProblem(status, code, fa, en, detail);
    }

    private static ErrorCode known(String code) {
        for (ErrorCode candidate : ErrorCode.values()) {
            if (candidate.name().equals(code)) {
                return candidate;
            }
        }
        return ErrorCode.INTERNAL_ERROR;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String titleFa() {
        return titleFa;
    }

    public String titleEn() {
        return titleEn;
    }
}
