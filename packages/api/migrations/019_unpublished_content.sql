-- A petition, event or spotlight whose files were removed from the content folder (unpublished
-- from the console, or deleted by hand) keeps its row, so its signatures and RSVPs keep their
-- meaning, but is no longer served to the public: the sites stop showing it on their next build,
-- and the API at once. Publishing it again clears the mark (content-sync.ts).
alter table petitions add column unpublished_at timestamptz;
alter table events add column unpublished_at timestamptz;
alter table spotlights add column unpublished_at timestamptz;
