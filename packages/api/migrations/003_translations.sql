-- Petitions, events and spotlights can be written in several languages: the row holds the text of
-- the first language it exists in (its `lang`), and `translations` the others' text by language.
alter table petitions add column translations jsonb not null default '{}';
alter table events add column translations jsonb not null default '{}';
alter table spotlights add column translations jsonb not null default '{}';
