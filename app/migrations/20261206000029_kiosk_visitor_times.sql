-- When the tablet last asked for anything (a screen, a post, "still in use" from a screen
-- being touched), and when its current visitor's number was drawn. A number whose screen
-- has been quiet for longer than any kiosk screen stays up lapses (a page the next visitor
-- resends from Chromium's "Confirm Form Resubmission" screen); two welcome screens asked
-- at once (a double tap on Done) share one number.
alter table kiosk_devices
    add column visitor_seen_at timestamptz,
    add column visitor_drawn_at timestamptz;
