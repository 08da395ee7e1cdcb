-- A person's export and their erasure on request read their signatures and RSVPs by person, and
-- both tables were indexed by petition or event first, so each read went through the whole
-- table. Signatures, by far the larger, keep their one-per-person uniqueness in an index that
-- starts with the person instead, which serves those reads with no further index to write on
-- every signature; a petition's CSV export reads a large share of the table anyway. RSVPs are
-- few and the staff summary counts them by event, so they get an index of their own. On a large
-- database the new index takes a while to build, and signatures wait for it: upgrade off-peak.
alter table signatures
  drop constraint signatures_petition_id_person_id_key,
  add constraint signatures_person_id_petition_id_key unique (person_id, petition_id);

create index attendances_person on attendances (person_id);
