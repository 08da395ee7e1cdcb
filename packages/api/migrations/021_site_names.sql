-- What staff call each region and sector, in each language it is written in (content/regions and
-- content/sectors): the dashboard counts members by slug, and the console shows them by name. A
-- region taken off the sites keeps its name here, for the members still counted in it.
create table site_names (
  slug text primary key,
  names jsonb not null
);
