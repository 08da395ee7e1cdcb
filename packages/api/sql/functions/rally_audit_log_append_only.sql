-- The audit log is append-only: a row once written is never changed or deleted, so what it says
-- was done stays said. TRUNCATE is left to the operator (it is no row's change) and to the tests.
create or replace function rally_audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'The audit log is append-only: its rows cannot be changed or deleted.'
    using errcode = 'insufficient_privilege';
end $$;

create or replace trigger audit_log_append_only before update or delete on audit_log
  for each row execute function rally_audit_log_append_only();
