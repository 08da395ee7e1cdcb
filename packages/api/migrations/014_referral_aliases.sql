-- A referral code per submission for a person already on file. An anonymous answer carries a
-- referral code for the person's share links; if it were their own, anyone holding a share link
-- could type candidate addresses into a form and learn whose link it is from the code that comes
-- back. So a returning person gets a new code each time, which credits them all the same.
create table referral_aliases (
  code text primary key,
  person_id uuid not null references people (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index referral_aliases_person on referral_aliases (person_id);
