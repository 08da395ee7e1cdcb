-- People, the actions they take, and the bookkeeping that makes every write exactly-once.
-- Plain SQL that runs unchanged on PGlite and on a PostgreSQL server (13 or newer).

create table people (
  id uuid primary key default gen_random_uuid(),
  -- Trimmed and lower-cased: the one key a person is matched on.
  email text not null unique,
  given_name text,
  family_name text,
  phone_numbers jsonb not null default '[]',
  postal_addresses jsonb not null default '[]',
  languages_spoken text[] not null default '{}',
  custom_fields jsonb not null default '{}',
  tags text[] not null default '{}',
  region text,
  sector text,
  -- First touch: the source and referrer that brought the person in are never overwritten.
  source text,
  website text,
  referral_code text not null unique,
  referred_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index people_created_at on people (created_at);
-- Most people came without a referral; indexing only those who did keeps every signup cheaper.
create index people_referred_by on people (referred_by) where referred_by is not null;

-- Every consent a person gave, with the exact text they saw.
create table consents (
  id bigint generated always as identity primary key,
  person_id uuid not null references people (id) on delete cascade,
  text text not null,
  version text,
  given_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index consents_person on consents (person_id);

create table petitions (
  id text primary key,
  title text not null,
  description text not null,
  targets jsonb not null,
  goal integer not null,
  lang text not null,
  region text,
  sector text,
  opens_at timestamptz,
  closes_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table signatures (
  id uuid primary key default gen_random_uuid(),
  petition_id text not null references petitions (id),
  person_id uuid not null references people (id) on delete cascade,
  comments text,
  source text,
  referrer_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  unique (petition_id, person_id)
);
create index signatures_created_at on signatures (created_at);

-- The signature counter, split into shards so that concurrent signers of one petition do not
-- queue on a single row; the total is the sum of at most 16 small rows. Maintained by the
-- functions that write signatures (sql/functions/) and, for deletions, by a trigger
-- (sql/functions/uncount_signature.sql).
create table petition_signature_counts (
  petition_id text not null references petitions (id),
  shard smallint not null,
  signatures integer not null default 0,
  primary key (petition_id, shard)
);

create table events (
  id text primary key,
  title text not null,
  description text not null,
  start_at timestamptz not null,
  end_at timestamptz not null,
  timezone text not null,
  location jsonb,
  online_url text,
  capacity integer,
  lang text not null,
  region text,
  sector text,
  -- Maintained under the event row's lock, so capacity is never oversold.
  accepted_count integer not null default 0,
  waitlist_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table attendances (
  id uuid primary key default gen_random_uuid(),
  event_id text not null references events (id),
  person_id uuid not null references people (id) on delete cascade,
  status text not null check (status in ('accepted', 'waitlisted', 'cancelled')),
  source text,
  referrer_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, person_id)
);
create index attendances_waitlist on attendances (event_id, created_at) where status = 'waitlisted';

create table spotlights (
  id text primary key,
  name text not null,
  kind text not null,
  region text not null,
  sector text not null,
  photo jsonb not null,
  quote text not null,
  lang text not null,
  published_on date not null,
  updated_at timestamptz not null default now()
);
create index spotlights_published on spotlights (published_on desc);

-- Answers already given, by Idempotency-Key, so a retried request replays instead of writing.
create table idempotency_keys (
  scope text not null,
  key text not null,
  request_hash text not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_keys_created_at on idempotency_keys (created_at);

-- Rate-limit windows. Unlogged: counts need no crash safety, and skipping the WAL keeps a
-- crowd behind one IP from queueing on a durable write.
create unlogged table rate_limits (
  key text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (key, window_start)
);

-- Named tallies that are not anyone's data, such as submissions turned away as bots.
create table counters (
  name text primary key,
  value bigint not null default 0
);

-- Staff API tokens, stored as SHA-256 hashes only.
create table api_tokens (
  token_hash text primary key,
  name text not null,
  created_at timestamptz not null default now()
);

-- Server-side settings that every API instance must share, such as the link-signing secret.
create table settings (
  name text primary key,
  value text not null
);
