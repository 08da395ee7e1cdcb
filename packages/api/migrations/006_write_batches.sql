-- Several public writes in one transaction, so they share one commit: on a busy server the
-- commit, not the work, is what each write costs most. Each write still stands alone: one that
-- fails (a closed petition, a reused key) is rolled back to its own savepoint and reported in its
-- place, and the others are kept. The answers come back in the order the writes were given.
create function rally_write_batch(writes jsonb) returns jsonb language plpgsql as $$
declare
  write jsonb;
  answer jsonb;
  answers jsonb := '[]';
begin
  for write in select value from jsonb_array_elements(writes) loop
    begin
      case write->>'fn'
        when 'rally_signup_person' then answer := rally_signup_person(write->'req');
        when 'rally_sign_petition' then answer := rally_sign_petition(write->'req');
        when 'rally_record_attendance' then answer := rally_record_attendance(write->'req');
        else raise exception 'no write function %', write->>'fn';
      end case;
      answers := answers || jsonb_build_array(jsonb_build_object('result', answer));
    exception when others then
      answers := answers || jsonb_build_array(
        jsonb_build_object('error', jsonb_build_object('code', sqlstate, 'message', sqlerrm)));
    end;
  end loop;
  return answers;
end $$;
