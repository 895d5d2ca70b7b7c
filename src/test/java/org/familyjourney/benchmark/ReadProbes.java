package org.familyjourney.benchmark;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.TestApi;

/**
 * What people read, timed over real HTTP once the data is in: the work trays (page and API), a
 * long case's journey timeline (page and API), and case searches over every case.
 */
final class ReadProbes {

    private final TestApi api;
    private final int port;
    private final int samples;

    ReadProbes(TestApi api, int port, int samples) {
        this.api = api;
        this.port = port;
        this.samples = samples;
    }

    /** Name of each probe to its latencies, in the order they are reported. */
    Map<String, Latencies> run(String longCase, String worker) {
        Map<String, Latencies> results = new LinkedHashMap<>();
        PageSession workerPages = PageSession.signedIn(port, worker);
        PageSession managerPages = PageSession.signedIn(port, JourneySteps.MANAGER);
        PageSession auditorPages = PageSession.signedIn(port, "alex");
        results.put("tasklist page /tasks (worker " + worker + ", My tasks)", time(() -> ok(workerPages.get("/tasks").status())));
        results.put("tasklist page /tasks?tray=TEAM (manager)", time(() -> ok(managerPages.get("/tasks?tray=TEAM").status())));
        results.put("API list GET /api/tasks (worker)", time(() -> ok(api.get(worker, "/api/tasks").status())));
        results.put("API list GET /api/tasks (manager)", time(() -> ok(api.get(JourneySteps.MANAGER, "/api/tasks").status())));
        results.put("timeline page /audit/cases/{ref} (1,000 entries)",
                time(() -> ok(auditorPages.get("/audit/cases/" + longCase).status())));
        results.put("timeline API GET /api/cases/{ref}/journey (1,000 entries)",
                time(() -> ok(api.get("alex", "/api/cases/" + longCase + "/journey").status())));
        int year = LocalDate.now().getYear() - 2;
        List<String> searches = List.of("name=Quillstone", "name=Wren%20Ashgrove", "reference=FJ-" + year + "-0123",
                "postcode=M14%205", "status=ALLOCATED&worker=" + worker, "openedFrom=" + year + "-03-01&openedTo=" + year + "-03-31");
        for (String query : searches) {
            Latencies one = time(() -> ok(api.get(JourneySteps.MANAGER, "/api/cases?" + query).status()));
            results.put("search GET /api/cases?" + query, one);
        }
        results.put("search page /audit?name=Quillstone (auditor)", time(() -> ok(auditorPages.get("/audit?name=Quillstone").status())));
        return results;
    }

    private Latencies time(Supplier<Integer> request) {
        for (int i = 0; i < Math.min(5, samples); i++) {
            request.get();
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < samples; i++) {
            latencies.time(request);
        }
        return latencies;
    }

    private static int ok(int status) {
        if (status != 200) {
            throw new AssertionError("Read answered " + status);
        }
        return status;
    }
}
