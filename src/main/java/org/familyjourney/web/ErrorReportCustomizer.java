package org.familyjourney.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link RefusedBeforeTheApp} in the place of Tomcat's error report on the host. It runs after
 * Spring Boot's own customizer, which adds a plain ErrorReportValve there (server.error.include-stacktrace:
 * never); that one is taken out, and the host is told ours is its error report, so that it does not add
 * Tomcat's default one again when it starts.
 *
 * <p>Decision: Tomcat keeps refusing an encoded slash (encodedSolidusHandling stays "reject") rather
 * than passing it on for Spring Security's firewall to refuse: a request refused at the door can reach
 * no filter or servlet that might decode it, and a null byte or a /../ above the root never reaches
 * Spring anyway, so the one answer for all of them is written here.
 */
@Component
class ErrorReportCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final MessageSource messages;

    ErrorReportCustomizer(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new RefusedBeforeTheApp(messages));
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(RefusedBeforeTheApp.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
