package ir.parvaneh.query.portal;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Locale;

/**
 * What every portal page shares: the signed-in person (or none), the language and direction of the page, and one
 * error page for whatever a person can meet, in their language with what to do next. Ordered before the API's
 * problem-details advice, and limited to the portal's controllers, so the API's answers do not change.
 */
@ControllerAdvice(annotations = PortalPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {

    private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);

    private final SignedIn signedIn;
    private final MessageSource messages;

    PortalAdvice(SignedIn signedIn, MessageSource messages) {
        this.signedIn = signedIn;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request, HttpServletResponse response) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("lang", english ? "en" : "fa");
        model.addAttribute("dir", english ? "ltr" : "rtl");
        model.addAttribute("otherLang", english ? "fa" : "en");
        model.addAttribute("path", request.getRequestURI());
        try {
            model.addAttribute("user", signedIn.current(request, response).orElse(null));
        } catch (PortalProblem expired) {
            // A page that needs no one signed in still opens; one that does meets the same problem again.
            model.addAttribute("user", null);
        }
    }

    @ExceptionHandler(PortalProblem.class)
    ModelAndView problem(PortalProblem problem, HttpServletResponse response) {
        return page(problem, response);
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException refused, HttpServletResponse response) {
        return page(PortalProblem.of(refused), response);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView unreadable(Exception e, HttpServletResponse response) {
        return page(PortalProblem.of(ErrorCode.VALIDATION_FAILED, e.getMessage()), response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response) {
        return page(new PortalProblem(413, "DOCUMENT_TOO_LARGE", "حجم پرونده بیش از حد مجاز است",
                "The file is larger than allowed", e.getMessage()), response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Unexpected failure on page {}", request.getRequestURI(), e);
        return page(PortalProblem.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred"), response);
    }

    private ModelAndView page(PortalProblem problem, HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        ModelAndView page = new ModelAndView("portal/problem");
        page.setStatus(org.springframework.http.HttpStatus.valueOf(problem.status()));
        page.addObject("problem", problem);
        page.addObject("title", english ? problem.titleEn() : problem.titleFa());
        page.addObject("todo", whatToDo(problem, locale));
        page.addObject("lang", english ? "en" : "fa");
        page.addObject("dir", english ? "ltr" : "rtl");
        page.addObject("otherLang", english ? "fa" : "en");
        page.addObject("signInAgain", problem.status() == 401);
        return page;
    }

    /** What to do: the code's own advice, else the advice for its kind of status. */
    private String whatToDo(PortalProblem problem, Locale locale) {
        String specific = messages.getMessage("problem." + problem.code() + ".todo", null, null, locale);
        if (specific != null) {
            return specific;
        }
        String kind = problem.status() >= 500 ? "5xx" : problem.status() == 404 ? "404"
                : problem.status() == 403 ? "403" : problem.status() == 409 ? "409" : "4xx";
        return messages.getMessage("problem.status." + kind + ".todo", null, "", locale);
    }
}
