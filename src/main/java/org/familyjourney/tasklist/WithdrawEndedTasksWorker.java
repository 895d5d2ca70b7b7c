package org.familyjourney.tasklist;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Withdraw tasks the journey no longer needs. When a part of the journey is cut short (a review
 * decides to close or revise the plan while a meeting or a referral is still open), the engine ends
 * those user tasks without telling any client. This asks the engine about each open task of the case
 * (a timeout update answers NOT_FOUND for a job that is gone) and withdraws the ones that are gone.
 */
@Component
public class WithdrawEndedTasksWorker {

    private final UserTaskRepository tasks;
    private final CamundaClient engine;
    private final EngineGeneration generation;
    private final JourneyLog journey;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    WithdrawEndedTasksWorker(UserTaskRepository tasks, CamundaClient engine, EngineGeneration generation, JourneyLog journey,
                             JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.tasks = tasks;
        this.engine = engine;
        this.generation = generation;
        this.journey = journey;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.WITHDRAW_ENDED_TASKS, fetchVariables = "caseReference")
    public void withdraw(ActivatedJob job, @Variable(name = "caseReference") String caseReference) {
        List<UserTask> open = tasks.findByCaseReferenceAndStateOrderByCreatedAt(caseReference, TaskState.OPEN);
        for (UserTask task : open) {
            if (generation.isCurrent(task.engineGeneration()) && !stillInEngine(task)) {
                transaction.executeWithoutResult(tx -> {
                    if (jdbc.update("UPDATE user_task SET state = 'CANCELED', version = version + 1 WHERE id = ? AND state = 'OPEN'",
                            task.id()) == 1) {
                        journey.record(caseReference, JourneyKind.TASK_CANCELED, task.elementId(), JourneyLog.SYSTEM,
                                "Task '" + task.name() + "' withdrawn: the journey moved on without it");
                    }
                });
            }
        }
    }

    private boolean stillInEngine(UserTask task) {
        try {
            engine.newUpdateTimeoutCommand(task.jobKey()).timeout(Duration.ofMillis(UserTaskWorker.TIMEOUT_MS)).send().join();
            return true;
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
