-- How many people were ahead of a visitor when they checked in. With the minutes they then
-- waited, it gives the minutes per place in line that the kiosk's estimated wait is made of.
-- Null for visits from before this column existed; those are left out of estimates.
alter table visits add column ahead_at_check_in integer check (ahead_at_check_in >= 0);
