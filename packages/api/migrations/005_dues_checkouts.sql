-- The Checkout Sessions Rally opened, so a widget can ask whether its payment is confirmed and open
-- the member's billing portal afterwards, without either needing to know who the member is.
create table dues_checkouts (
  id text primary key,
  person_id uuid not null references people (id) on delete cascade,
  tier text,
  amount integer not null check (amount > 0),
  currency text not null,
  interval text not null check (interval in ('month', 'year', 'one_time')),
  created_at timestamptz not null default now(),
  -- Set by the verified `checkout.session.completed` webhook, never by the browser.
  confirmed_at timestamptz
);
create index dues_checkouts_person on dues_checkouts (person_id);
