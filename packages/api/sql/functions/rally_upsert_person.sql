-- Finds or creates the person by email; used by every public write.
-- What a submission may change on a person already on file: anyone can type anyone's email into a
-- public form, so an anonymous submission only fills what is blank — it never renames a person,
-- replaces their phone, address or languages, moves their region or sector, or overwrites a custom
-- field. A caller with a staff token (`trusted`: a sync tool, an organizer's import) is the
-- organization's own word, and its newer details replace older ones; a field it left empty is
-- never erased. Tags accumulate either way: they record what a person did, not who they are.
-- Source, website and referrer keep their first value (first-touch attribution). `joins` (the join
-- form) records when the person joined, the first time only. A returning person answered without a
-- token gets a referral code of this submission's own, which credits them as their own does.
create or replace function rally_upsert_person(p jsonb) returns people language plpgsql as $$
declare
  person people;
  trusted boolean := coalesce((p->>'trusted')::boolean, false);
  joins boolean := coalesce((p->>'joins')::boolean, false);
begin
  insert into people as existing (
    email, given_name, family_name, phone_numbers, postal_addresses, languages_spoken,
    custom_fields, tags, region, sector, source, website, referral_code, referred_by, joined_at
  ) values (
    p->>'email',
    nullif(p->>'given_name', ''),
    nullif(p->>'family_name', ''),
    coalesce(p->'phone_numbers', '[]'),
    coalesce(p->'postal_addresses', '[]'),
    array(select jsonb_array_elements_text(coalesce(p->'languages_spoken', '[]'))),
    coalesce(p->'custom_fields', '{}'),
    array(select distinct jsonb_array_elements_text(coalesce(p->'tags', '[]'))),
    p->>'region',
    p->>'sector',
    p->>'source',
    p->>'website',
    p->>'referral_code',
    coalesce(
      (select referrer.id from people referrer where referrer.referral_code = p->>'referrer'),
      (select alias.person_id from referral_aliases alias where alias.code = p->>'referrer')
    ),
    case when joins then now() end
  )
  on conflict (email) do update set
    given_name = case when trusted then coalesce(excluded.given_name, existing.given_name)
                      else coalesce(existing.given_name, excluded.given_name) end,
    family_name = case when trusted then coalesce(excluded.family_name, existing.family_name)
                       else coalesce(existing.family_name, excluded.family_name) end,
    phone_numbers = case when excluded.phone_numbers = '[]'
                           or (not trusted and existing.phone_numbers <> '[]')
                         then existing.phone_numbers else excluded.phone_numbers end,
    postal_addresses = case when excluded.postal_addresses = '[]'
                              or (not trusted and existing.postal_addresses <> '[]')
                            then existing.postal_addresses else excluded.postal_addresses end,
    languages_spoken = case when excluded.languages_spoken = '{}'
                              or (not trusted and existing.languages_spoken <> '{}')
                            then existing.languages_spoken else excluded.languages_spoken end,
    custom_fields = case when trusted then existing.custom_fields || excluded.custom_fields
                         else excluded.custom_fields || existing.custom_fields end,
    tags = array(select distinct unnest(existing.tags || excluded.tags)),
    region = case when trusted then coalesce(excluded.region, existing.region)
                  else coalesce(existing.region, excluded.region) end,
    sector = case when trusted then coalesce(excluded.sector, existing.sector)
                  else coalesce(existing.sector, excluded.sector) end,
    source = coalesce(existing.source, excluded.source),
    website = coalesce(existing.website, excluded.website),
    joined_at = coalesce(existing.joined_at, excluded.joined_at),
    updated_at = now()
  returning * into person;

  -- Someone already on file, answered without a token: a code of this submission's own
  -- (migrations/014_referral_aliases.sql), so the answer is the same as for someone new.
  if person.referral_code <> p->>'referral_code' and not trusted then
    if exists (select 1 from people where referral_code = p->>'referral_code') then
      raise exception using errcode = '23505', constraint = 'people_referral_code_key',
        message = 'referral code taken';
    end if;
    insert into referral_aliases (code, person_id) values (p->>'referral_code', person.id);
    person.referral_code := p->>'referral_code';
  end if;

  if jsonb_typeof(p->'consent') = 'object' then
    insert into consents (person_id, text, version, given_at)
    values (
      person.id,
      p->'consent'->>'text',
      p->'consent'->>'version',
      coalesce((p->'consent'->>'given_at')::timestamptz, now())
    );
  end if;
  return person;
end $$;
