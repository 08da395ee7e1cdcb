-- What staff reads need once a deployment holds a million signatures. Each petition's figures in
-- the summary, its signature pages with their count, and its CSV read its own signatures in the
-- order they came (created_at, then id): one index in that order serves them all, where nothing
-- led with the petition since 009 and each of those reads went through the whole table. It takes
-- the place of the index on created_at alone, which no read uses any more, so a signature still
-- writes as many index entries as before. An event's RSVPs are read the same way, and people page
-- and export in the same order, resuming after the last (created_at, id). A sync tool asks for the
-- people changed since it last looked (`modified_date gt …`): an index on updated_at finds them
-- without reading everyone. On a large database these take a while to build, and writes wait for
-- them: upgrade off-peak.
create index signatures_petition on signatures (petition_id, created_at, id);
drop index signatures_created_at;

create index attendances_event on attendances (event_id, created_at, id);

create index people_created on people (created_at, id);
drop index people_created_at;
create index people_updated on people (updated_at, id);
