package org.familyjourney.models;

import java.util.List;

/** The model failed the check before deploy, so nothing was deployed. */
class ModelFailedCheck extends RuntimeException {

    private final transient List<ModelProblem> problems;

    ModelFailedCheck(List<ModelProblem> problems) {
        super(problems.size() + " problem(s) found; nothing was deployed");
        this.problems = List.copyOf(problems);
    }

    List<ModelProblem> problems() {
        return problems;
    }
}
