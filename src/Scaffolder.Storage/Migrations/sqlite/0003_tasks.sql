-- Scaffolder tasks. spec is the stored TaskSpec (JSON text); secrets hold only an encrypted
-- envelope, cleared once the run no longer needs it. claim_token identifies the current run:
-- heartbeats and completion only count when they carry it, so a run that lost its claim (recovered,
-- retried) can no longer change the task.
CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    spec TEXT NOT NULL,
    status TEXT NOT NULL,
    recover_strategy TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    last_heartbeat_at TEXT,
    claim_token TEXT,
    claimed_by TEXT,
    claim_count INTEGER NOT NULL DEFAULT 0,
    secrets TEXT
);
CREATE INDEX tasks_status_created_at ON tasks (status, created_at);
CREATE INDEX tasks_created_at ON tasks (created_at);
CREATE INDEX tasks_created_by ON tasks (created_by);

-- The state of each step of a task, in template order.
CREATE TABLE task_steps (
    task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    step_id TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    PRIMARY KEY (task_id, position)
);

-- Task events; ids come from one sequence shared by all tasks, as Backstage's do.
CREATE TABLE task_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX task_events_task_id ON task_events (task_id, id);
