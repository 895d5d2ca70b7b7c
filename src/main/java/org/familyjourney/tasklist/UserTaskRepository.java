package org.familyjourney.tasklist;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface UserTaskRepository extends ListCrudRepository<UserTask, Long> {

    Optional<UserTask> findByEngineGenerationAndJobKey(long engineGeneration, long jobKey);

    List<UserTask> findByCaseReferenceAndStateOrderByCreatedAt(String caseReference, TaskState state);

    List<UserTask> findByCaseReferenceOrderByCreatedAt(String caseReference);
}
