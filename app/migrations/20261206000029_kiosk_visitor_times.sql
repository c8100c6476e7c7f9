-- When the tablet last asked for anything (a screen, a post, "still in use" from a screen
-- being touched), and when its current visitor's number was drawn. A tablet quiet for
-- longer than any kiosk screen stays up has a new visitor by its next request (a page the
-- next visitor resends from Chromium's "Confirm Form Resubmission" screen is not
-- answered); two welcome screens asked at once (a double tap on Done) share one number.
alter table kiosk_devices
    add column visitor_seen_at timestamptz,
    add column visitor_drawn_at timestamptz;
-- Tablets in use before: their last use, to the minute, is when they were last seen.
update kiosk_devices set visitor_seen_at = last_used_at;
