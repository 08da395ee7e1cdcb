-- Dues paid through Stripe. Only verified webhooks write here: the checkout a person finishes in
-- the browser proves nothing until Stripe confirms it.

-- Every Stripe event applied, so a retried or duplicated delivery changes nothing the second time.
create table stripe_events (
  id text primary key,
  type text not null,
  -- When Stripe created the event: what decides whether it is newer than what a membership shows.
  created_at timestamptz not null,
  processed_at timestamptz not null default now()
);

-- One membership per person: their Stripe customer and subscription, and where their dues stand.
create table dues_memberships (
  person_id uuid primary key references people (id) on delete cascade,
  stripe_customer_id text unique,
  stripe_subscription_id text unique,
  status text not null check (status in ('active', 'past_due', 'lapsed', 'cancelled')),
  -- Amount per interval in the currency's smallest unit; `one_time` for a single payment. Unknown
  -- (null) until an event says, when the first event to arrive does not.
  amount integer check (amount > 0),
  currency text,
  interval text check (interval in ('month', 'year', 'one_time')),
  -- The Stripe event the status comes from: an older event never overwrites a newer status.
  status_event_at timestamptz not null,
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index dues_memberships_status on dues_memberships (status);

-- Every payment, once, by the Stripe invoice or payment it came from.
create table dues_payments (
  id text primary key,
  person_id uuid not null references people (id) on delete cascade,
  amount integer not null,
  currency text not null,
  status text not null check (status in ('paid', 'failed')),
  paid_at timestamptz not null
);
create index dues_payments_person on dues_payments (person_id, paid_at);
