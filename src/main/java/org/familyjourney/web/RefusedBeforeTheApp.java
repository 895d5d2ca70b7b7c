package org.familyjourney.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's own error report, replaced: what Tomcat answers with an error before the app sees the
 * request (an address with an encoded slash, a null byte, a /../ above the root) and what nothing else
 * gave a body. A person gets a plain page in the app's words, an API caller problem+json naming the
 * problem; neither Tomcat's name and version nor a stack trace. Everything that reaches the app is
 * answered by {@link ErrorPages} as before: this valve writes only when no body was written.
 */
final class RefusedBeforeTheApp extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(RefusedBeforeTheApp.class);

    private final MessageSource messages;

    RefusedBeforeTheApp(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        // As Tomcat's report: only for an error, only if nothing was written, only once.
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(code);
        String raw = request.getRequestURI() == null ? "" : request.getRequestURI();
        // Tomcat's own message says when it was the address (it is not for the client: it may quote it).
        boolean address = status == HttpStatus.BAD_REQUEST && response.getMessage() != null
                && response.getMessage().startsWith("Invalid URI");
        String kind = address ? addressProblem(raw) : null;
        // One line, without the address: it may carry anything, and a scan sends thousands.
        if (status.is4xxClientError()) {
            log.info("Request refused before reaching the app: {}{}", code, kind == null ? "" : ", its address has " + kind);
        }
        try {
            response.resetBuffer();
            // Spring Security's headers are not on an answer it never saw: the ones that matter here.
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
            response.setCharacterEncoding("UTF-8");
            String problem = kind == null ? null : "The address has " + kind + ", which an address here may not have. Check the address.";
            boolean api = raw.startsWith("/api/") || raw.equals("/api");
            response.setContentType(api ? "application/problem+json" : "text/html");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(api ? problemJson(status, problem) : page(status, problem, request.getLocale()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the error answer: {}", e.getMessage());
        }
    }

    /** What Tomcat refuses in an address, named from the address as sent (Tomcat's own message is not for the client). */
    private static String addressProblem(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f")) {
            return "an encoded slash (%2F)";
        }
        if (lower.contains("%00")) {
            return "a null character (%00)";
        }
        if (lower.contains("%5c") || lower.contains("\\")) {
            return "a backslash";
        }
        if (lower.contains("..") || lower.contains("%2e")) {
            return "a /../ above its start";
        }
        if (lower.matches(".*%(?![0-9a-f]{2}).*")) {
            return "a % that is not followed by two hexadecimal digits";
        }
        return "a character or part that cannot be read";
    }

    private static String problemJson(HttpStatus status, String problem) {
        String detail = problem != null ? problem
                : status.is4xxClientError() ? "The request could not be read. Check its address, headers and body."
                : "Something went wrong on our side; nothing you sent was lost. Please try again, or tell your administrator.";
        return "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private String page(HttpStatus status, String problem, Locale locale) {
        int shown = switch (status.value()) {
            case 400, 403, 404, 405, 406, 409, 415, 429, 503 -> status.value();
            default -> 500;
        };
        String heading = text("error." + shown + ".heading", locale);
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(heading) + " - Family Journey</title>"
                + "<link rel=\"stylesheet\" href=\"/css/app.css\"></head>\n<body><main id=\"main\" class=\"container\">"
                + "<section class=\"narrow error-page\"><h1>" + HtmlUtils.htmlEscape(heading) + "</h1>"
                + "<p class=\"muted\">" + HtmlUtils.htmlEscape(text("error.code", locale, status.value())) + "</p>"
                + (problem == null ? "" : "<p class=\"notice\">" + HtmlUtils.htmlEscape(problem) + "</p>")
                + "<p>" + HtmlUtils.htmlEscape(text("error." + shown + ".advice", locale)) + "</p>"
                + "<p><a href=\"/tasks\">" + HtmlUtils.htmlEscape(text("error.backToTasks", locale)) + "</a></p>"
                + "</section></main></body></html>\n";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale == null ? Locale.UK : locale);
    }
}
