-- Staff sign in as themselves, with a role, instead of sharing one token: accounts, the passkeys
-- and invitations they enroll with, their sessions, named API keys for sync tools, and an
-- append-only audit log of who signed in, exported, viewed or erased what (docs/api.md, "Staff
-- authentication"). Secrets are stored hashed: invitation, session and key tokens as SHA-256 (each
-- is 32 random bytes, so a fast hash is enough), passwords as argon2id.

create table staff_accounts (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(email)),
  name text not null default '',
  role text not null check (role in ('admin', 'organizer', 'communications', 'partner')),
  -- An organizer's scope: the regions and sectors whose people they see; empty means all.
  regions text[] not null default '{}',
  sectors text[] not null default '{}',
  -- A partner's own source codes: the only figures it sees.
  sources text[] not null default '{}',
  password_hash text,
  -- A password is a fallback an admin allows; passkeys are the way in.
  password_allowed boolean not null default false,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table staff_invitations (
  token_hash text primary key,
  email text not null check (email = lower(email)),
  name text not null default '',
  role text not null check (role in ('admin', 'organizer', 'communications', 'partner')),
  regions text[] not null default '{}',
  sectors text[] not null default '{}',
  sources text[] not null default '{}',
  -- Null when made on the command line (`pnpm staff invite`).
  invited_by uuid references staff_accounts (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '72 hours',
  used_at timestamptz
);

create table staff_passkeys (
  credential_id text primary key,
  account_id uuid not null references staff_accounts (id) on delete cascade,
  public_key bytea not null,
  counter bigint not null default 0,
  transports text[] not null default '{}',
  name text not null default '',
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);
create index staff_passkeys_account on staff_passkeys (account_id);

create table staff_sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  account_id uuid not null references staff_accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- Idle expiry, pushed forward as the session is used, never past `ends_at`.
  expires_at timestamptz not null,
  -- Absolute expiry: a session ends then however busy it is.
  ends_at timestamptz not null,
  ended_at timestamptz,
  user_agent text
);
create index staff_sessions_account on staff_sessions (account_id, created_at desc);

-- A WebAuthn challenge, used once: deleted as it is checked.
create table staff_challenges (
  id uuid primary key default gen_random_uuid(),
  challenge text not null,
  purpose text not null check (purpose in ('register', 'sign-in')),
  invitation_hash text references staff_invitations (token_hash) on delete cascade,
  -- For a registration, the account the passkey will belong to (its WebAuthn user handle).
  account_id uuid,
  expires_at timestamptz not null default now() + interval '5 minutes'
);

-- The one shared token becomes one API key among others: named, scoped, revocable, with its last
-- use. Scope 'admin' is only ever the RALLY_ADMIN_TOKEN bootstrap key; a token an operator added
-- by hand keeps reading and writing.
alter table api_tokens
  add column id uuid not null unique default gen_random_uuid(),
  add column scope text not null default 'read-write'
    check (scope in ('read', 'read-write', 'admin')),
  add column created_by uuid references staff_accounts (id) on delete set null,
  add column last_used_at timestamptz,
  add column revoked_at timestamptz;
update api_tokens set scope = 'admin' where name = 'RALLY_ADMIN_TOKEN';

-- Ids, filters and counts only: never a member's personal data, which an erasure must be able to
-- remove everywhere. Rows cannot be changed or deleted (sql/functions/rally_audit_log_append_only.sql).
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_kind text not null check (actor_kind in ('staff', 'key', 'system')),
  actor_id text,
  actor_label text,
  action text not null,
  subject_kind text,
  subject_id text,
  detail jsonb not null default '{}',
  ip text
);
create index audit_log_action on audit_log (action, id);
create index audit_log_actor on audit_log (actor_id, id);
create index audit_log_at on audit_log (at);
