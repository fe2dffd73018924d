-- A test: what is asked, how long it may take, and who may take it.
CREATE TABLE assessment_test (
    id                          BIGSERIAL PRIMARY KEY,
    name                        TEXT        NOT NULL,
    description                 TEXT,
    skills                      TEXT[]      NOT NULL DEFAULT '{}',
    total_questions             INT         NOT NULL CHECK (total_questions > 0),
    min_difficulty              SMALLINT    NOT NULL DEFAULT 1 CHECK (min_difficulty BETWEEN 1 AND 3),
    max_difficulty              SMALLINT    NOT NULL DEFAULT 3 CHECK (max_difficulty BETWEEN 1 AND 3),
    initial_difficulty          SMALLINT    NOT NULL DEFAULT 2 CHECK (initial_difficulty BETWEEN 1 AND 3),
    time_limit_minutes          INT         NOT NULL CHECK (time_limit_minutes > 0),
    question_time_limit_seconds INT         NOT NULL DEFAULT 120 CHECK (question_time_limit_seconds > 0),
    open_to_all                 BOOLEAN     NOT NULL DEFAULT FALSE,
    created_by                  TEXT        NOT NULL,
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (min_difficulty <= initial_difficulty AND initial_difficulty <= max_difficulty)
);

CREATE TABLE test_access (
    test_id    BIGINT      NOT NULL REFERENCES assessment_test (id) ON DELETE CASCADE,
    user_id    TEXT        NOT NULL,
    granted_by TEXT        NOT NULL,
    granted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (test_id, user_id)
);

-- Questions used when no model is configured (and as a fallback when generation fails).
CREATE TABLE bank_question (
    id             BIGSERIAL PRIMARY KEY,
    test_id        BIGINT   NOT NULL REFERENCES assessment_test (id) ON DELETE CASCADE,
    text           TEXT     NOT NULL,
    option_a       TEXT     NOT NULL,
    option_b       TEXT     NOT NULL,
    option_c       TEXT     NOT NULL,
    option_d       TEXT     NOT NULL,
    correct_option CHAR(1)  NOT NULL CHECK (correct_option IN ('A', 'B', 'C', 'D')),
    difficulty     SMALLINT NOT NULL CHECK (difficulty BETWEEN 1 AND 3),
    skill          TEXT     NOT NULL
);
CREATE INDEX bank_question_by_test ON bank_question (test_id, difficulty);

CREATE TABLE attempt (
    id                 BIGSERIAL PRIMARY KEY,
    test_id            BIGINT       NOT NULL REFERENCES assessment_test (id),
    user_id            TEXT         NOT NULL,
    status             TEXT         NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'EXPIRED')),
    current_difficulty SMALLINT     NOT NULL,
    answered_questions INT          NOT NULL DEFAULT 0,
    correct_answers    INT          NOT NULL DEFAULT 0,
    final_score        NUMERIC(5, 2),
    started_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    deadline_at        TIMESTAMPTZ  NOT NULL,
    ended_at           TIMESTAMPTZ
);
-- at most one attempt in progress per user and test: recovery finds it, a second start cannot create another
CREATE UNIQUE INDEX attempt_one_in_progress ON attempt (test_id, user_id) WHERE status = 'IN_PROGRESS';
CREATE INDEX attempt_by_test ON attempt (test_id, started_at DESC);

-- Every question shown in an attempt, in order; the answer is written once (selected_option IS NULL guards it).
CREATE TABLE attempt_question (
    id                 BIGSERIAL PRIMARY KEY,
    attempt_id         BIGINT      NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
    position           INT         NOT NULL,
    text               TEXT        NOT NULL,
    option_a           TEXT        NOT NULL,
    option_b           TEXT        NOT NULL,
    option_c           TEXT        NOT NULL,
    option_d           TEXT        NOT NULL,
    correct_option     CHAR(1)     NOT NULL CHECK (correct_option IN ('A', 'B', 'C', 'D')),
    explanation        TEXT,
    difficulty         SMALLINT    NOT NULL,
    skill              TEXT        NOT NULL,
    time_limit_seconds INT         NOT NULL,
    source             TEXT        NOT NULL CHECK (source IN ('MODEL', 'BANK')),
    asked_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    selected_option    CHAR(1) CHECK (selected_option IN ('A', 'B', 'C', 'D')),
    is_correct         BOOLEAN,
    answered_at        TIMESTAMPTZ,
    UNIQUE (attempt_id, position)
);
