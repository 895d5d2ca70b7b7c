package org.familyjourney.recovery;

import java.util.LinkedHashMap;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Manual recycling of the embedded engine, and where it stands (admins). A remote cluster is not ours to recycle. */
@RestController
@RequestMapping("/api/engine/recycle")
@PreAuthorize("hasRole('ADMIN')")
class EngineRecycleController {

    private final ObjectProvider<EngineRecycler> recycler;
    private final EngineGeneration generation;

    EngineRecycleController(ObjectProvider<EngineRecycler> recycler, EngineGeneration generation) {
        this.recycler = recycler;
        this.generation = generation;
    }

    @GetMapping
    ResponseEntity<?> status() {
        EngineRecycler engine = recycler.getIfAvailable();
        if (engine == null) {
            return remote();
        }
        return ResponseEntity.ok(facts(engine, engine.last()));
    }

    @PostMapping
    ResponseEntity<?> recycle() {
        EngineRecycler engine = recycler.getIfAvailable();
        if (engine == null) {
            return remote();
        }
        return ResponseEntity.ok(facts(engine, engine.recycle("MANUAL")));
    }

    private Map<String, Object> facts(EngineRecycler engine, EngineRecycler.Recycled last) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("generation", generation.current());
        facts.put("recycles", engine.recycles());
        if (last != null) {
            facts.put("fromGeneration", last.fromGeneration());
            facts.put("toGeneration", last.toGeneration());
            facts.put("at", last.at().toString());
            facts.put("tookMs", last.took().toMillis());
            facts.put("instancesRecovered", last.recovery().instances());
            facts.put("casesRecovered", last.recovery().cases());
            facts.put("failed", last.recovery().failed());
            facts.put("nativeMemoryReleasedMb", last.nativeMemoryReleasedMb());
            facts.put("phasesMs", last.phaseMillis());
        }
        return facts;
    }

    private static ResponseEntity<ProblemDetail> remote() {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The engine runs remotely (a durable cluster); there is no embedded engine to recycle."));
    }
}
