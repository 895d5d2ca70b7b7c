-- The tasklist pages: drafts of task forms, the variables a task's form opens with, and indexes for
-- the work trays (each tray is one indexed query, never all tasks loaded into memory).

-- A worker's unfinished answers, saved as they type, so a timeout or a closed tab loses nothing.
-- One draft per task and person; deleted when the task is completed.
CREATE TABLE task_draft (
    task_id   BIGINT       NOT NULL,
    username  VARCHAR(64)  NOT NULL,
    data      JSON         NOT NULL,
    saved_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (task_id, username),
    CONSTRAINT fk_draft_task FOREIGN KEY (task_id) REFERENCES user_task (id) ON DELETE CASCADE
);

-- The process variables a user task's job carried (keys and flags only: the family's personal data
-- never enters the engine), to prefill the task's form.
CREATE TABLE user_task_variables (
    task_id    BIGINT  NOT NULL PRIMARY KEY,
    variables  JSON    NOT NULL,
    CONSTRAINT fk_variables_task FOREIGN KEY (task_id) REFERENCES user_task (id) ON DELETE CASCADE
);

CREATE INDEX ix_task_completed_by ON user_task (completed_by, completed_at);
CREATE INDEX ix_task_state_created ON user_task (state, created_at);
CREATE INDEX ix_task_state_follow_up ON user_task (state, follow_up_at);
CREATE INDEX ix_task_case_state ON user_task (case_reference, state);
