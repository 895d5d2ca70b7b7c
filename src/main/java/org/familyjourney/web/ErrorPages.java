package org.familyjourney.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * /error, where the servlet container sends what no controller handled: an unknown address, a wrong
 * method or media type, a failure while drawing a page. API callers get problem+json, people get
 * the friendly error page; neither ever sees a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Map<Integer, String> API_DETAILS = Map.of(
            400, "The request could not be read. Check its address, parameters and body.",
            401, "Sign in with HTTP Basic to use the API.",
            403, "Your role does not allow this.",
            404, "There is nothing at this address.",
            405, "This address does not accept this method.",
            406, "This address answers with JSON (Accept: application/json).",
            415, "Send the body as JSON (Content-Type: application/json).",
            429, "Too many requests from your address. Wait an hour and try again.");

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView htmlError(HttpServletRequest request, Locale locale) {
        HttpStatus status = statusOf(request);
        if (isApi(request)) {
            // A browser opened an API address: still the API's answer, as problem+json.
            MappingJackson2JsonView json = new MappingJackson2JsonView();
            json.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            ModelAndView problem = new ModelAndView(json, Map.of("status", status.value(), "title", status.getReasonPhrase(),
                    "detail", apiDetail(status)));
            problem.setStatus(status);
            return problem;
        }
        ModelAndView page = view(status, null, messages, locale);
        page.setStatus(status);
        return page;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> apiError(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, apiDetail(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.toString().replaceAll("[^A-Za-z0-9/._~-]", "")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String apiDetail(HttpStatus status) {
        return API_DETAILS.getOrDefault(status.value(),
                "Something went wrong on our side; nothing you sent was lost. Please try again, or tell your administrator.");
    }

    static ModelAndView view(HttpStatus status, String detail, MessageSource messages, Locale locale) {
        int code = switch (status.value()) {
            case 400, 403, 404, 405, 406, 409, 415, 429, 503 -> status.value();
            default -> 500;
        };
        ModelAndView page = new ModelAndView(PageExceptionHandler.ERROR_VIEW);
        page.addObject("status", status.value());
        page.addObject("heading", messages.getMessage("error." + code + ".heading", null, locale));
        page.addObject("advice", messages.getMessage("error." + code + ".advice", null, locale));
        page.addObject("detail", detail);
        return page;
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
