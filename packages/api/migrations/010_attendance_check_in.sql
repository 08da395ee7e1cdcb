-- Whether each person who RSVPed came, as staff record it at the door or after the event (null
-- until they do), so the reports can say how many RSVPs turned into people in the room.
alter table attendances add column attended boolean;
