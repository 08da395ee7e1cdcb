-- What communications staff save from the console's editor without publishing it yet: one draft
-- per piece, in every language it is being written in, as the editor sent it (incomplete, maybe).
-- A draft with `publish_at` is scheduled: the API's timer publishes it once that time has passed
-- (publishing/scheduled.ts), as its author, then removes it.
create table content_drafts (
  collection text not null,
  id text not null,
  versions jsonb not null,
  publish_at timestamptz,
  updated_by uuid references staff_accounts (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (collection, id)
);
-- The timer asks every minute for the drafts that are due: a few rows among the scheduled ones.
create index content_drafts_due on content_drafts (publish_at) where publish_at is not null;
