package ir.parvaneh.query.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * RFC 9457 problem documents with Parvaneh's stable {@code code} and titles in both languages
 * ({@code title_fa}, {@code title_en}); {@code title} itself follows the request's Accept-Language
 * (Persian when it asks for fa, English otherwise).
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(code.httpStatus());
        problem.setType(URI.create("urn:parvaneh:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(prefersPersian(request) ? code.titleFa() : code.titleEn());
        problem.setDetail(detail);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        problem.setProperty("code", code.name());
        problem.setProperty("title_fa", code.titleFa());
        problem.setProperty("title_en", code.titleEn());
        return problem;
    }

    /** Writes a problem outside Spring MVC (the security filter chain's 401 and 403). */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static boolean prefersPersian(HttpServletRequest request) {
        String accept = request == null ? null : request.getHeader("Accept-Language");
        return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("fa");
    }
}
