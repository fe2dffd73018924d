-- A test's version grows with every change to the test or its bank, whoever makes it (the instructor API of any
-- instance, the demo seeder, SQL by hand). Each instance caches test definitions (TestDefinitions) and reads this
-- version with the attempt row it loads anyway: a cached copy older than that is reloaded, never served.
alter table assessment_test add column version bigint not null default 0;

create function assessment_test_bump_version() returns trigger language plpgsql as $$
begin
    new.version := old.version + 1;
    return new;
end $$;

create trigger assessment_test_version before update on assessment_test
    for each row execute function assessment_test_bump_version();

create function bank_question_bump_test_version() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        update assessment_test set version = version + 1 where id = old.test_id;
    end if;
    if tg_op <> 'DELETE' then
        update assessment_test set version = version + 1 where id = new.test_id;
    end if;
    return null;
end $$;

create trigger bank_question_test_version after insert or update or delete on bank_question
    for each row execute function bank_question_bump_test_version();

create function bank_truncated_bump_test_versions() returns trigger language plpgsql as $$
begin
    update assessment_test set version = version + 1;
    return null;
end $$;

create trigger bank_question_truncated after truncate on bank_question
    for each statement execute function bank_truncated_bump_test_versions();
