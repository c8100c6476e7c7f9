-- A lobby tablet serves one stranger after another, and each visit ends on the welcome
-- screen (Done, Start over, the idle reset). Counting those screens numbers the visitors:
-- every kiosk form carries the number it was shown under, and a form of an earlier
-- visitor (brought back by the browser's Back or "resubmit") is not answered.
alter table kiosk_devices add column visitors bigint not null default 0;
