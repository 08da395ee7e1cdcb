-- Members and supporters. A member joined (the join form: the person signup helper) or pays dues;
-- a supporter took an action (signed, RSVPed) without joining. Reports and exports count them
-- apart, so "new members this week" no longer counts everyone who signed a petition.
alter table people add column joined_at timestamptz;
create index people_joined_at on people (joined_at) where joined_at is not null;

-- Who joined before this was recorded cannot be known for sure: a person with no signature and no
-- RSVP can only have come in through the join form (or a dues checkout), so they count as joined
-- when they arrived. Someone who joined and also signed is counted a supporter until they join again
-- or pay dues.
update people p set joined_at = p.created_at
where not exists (select 1 from signatures s where s.person_id = p.id)
  and not exists (select 1 from attendances a where a.person_id = p.id);

-- As in 012, and the join is recorded: the first time only, so "joined" keeps its date.
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
    (select referrer.id from people referrer where referrer.referral_code = p->>'referrer'),
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
