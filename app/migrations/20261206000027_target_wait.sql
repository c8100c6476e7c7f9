-- Each center's target wait: managers see the share of walk-ins called within it
-- (25 minutes is a common public standard).
alter table centers
    add column target_wait_minutes integer not null default 25
        check (target_wait_minutes between 1 and 480);
