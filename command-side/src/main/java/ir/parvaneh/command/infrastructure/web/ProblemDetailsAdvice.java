package ir.parvaneh.command.infrastructure.web;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.error.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/** The command API's one mapping from failures to RFC 9457 problem details. */
@RestControllerAdvice
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainException.class)
    ProblemDetail refused(DomainException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(e.code(), e.getMessage(), request);
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandRefused(CommandExecutionException e, HttpServletRequest request) {
        if (e.getDetails().isEmpty() && e.getCause() instanceof ConflictingAggregateVersionException conflict) {
            return changedSinceRead(conflict, request);
        }
        Rejection rejection = e.<Rejection>getDetails()
                .orElseGet(() -> {
                    log.error("Command failed without a rejection code", e);
                    return new Rejection(ErrorCode.INTERNAL_ERROR.name(), "The command failed");
                });
        ProblemDetail problem = Problems.of(rejection.errorCode(), rejection.detail(), request);
        rejection.properties().forEach(problem::setProperty);
        return problem;
    }

    /** Two commands created the same aggregate: the second one's append hit the unique key. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail duplicateAggregate(AggregateStreamCreationException e, HttpServletRequest request) {
        return Problems.of(ErrorCode.CONCURRENT_MODIFICATION, "The aggregate already exists", request);
    }

    /**
     * A decision taken on a version of the application that is no longer the latest (its {@code expectedVersion} is
     * behind): the decider reads it again. The handler declares the conflict itself, so in this JVM it arrives as
     * thrown; a command bus that wraps it without a rejection code is unwrapped above.
     */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail changedSinceRead(ConflictingAggregateVersionException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ErrorCode.PERMIT_APPLICATION_CHANGED, "The application is at version "
                + e.getActualVersion() + "; the decision was taken on version " + e.getExpectedVersion(), request);
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("actualVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentAppend(ConcurrencyException e, HttpServletRequest request) {
        return Problems.of(ErrorCode.CONCURRENT_MODIFICATION, "Another change was stored first", request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ErrorCode.VALIDATION_FAILED, "Some fields are not valid", request);
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception e, HttpServletRequest request) {
        return Problems.of(ErrorCode.MALFORMED_REQUEST, "The request body or a parameter cannot be read", request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        return Problems.of(ErrorCode.FORBIDDEN_ROLE, "Your role does not allow this action", request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e, HttpServletRequest request) {
        return Problems.of(ErrorCode.NOT_FOUND, "No such resource", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return Problems.of(ErrorCode.METHOD_NOT_ALLOWED, e.getMessage(), request);
    }

    /**
     * A body of a type the endpoint does not read is the client's mistake, not the server's: curl's
     * --data-binary, for one, labels a GeoJSON file as a form unless told otherwise.
     */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        List<String> supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
        ProblemDetail problem = Problems.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The body must be sent as one of "
                + supported + ", not as " + e.getContentType(), request);
        problem.setProperty("supported", supported);
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {}", request.getRequestURI(), e);
        return Problems.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", request);
    }
}
