-- The area a participant chooses in their My WorkSource account for the online training
-- library to show ("Portland Metro", from the agency's own guide: "For Metrix Learning to
-- be visible, participants must select Portland Metro under Preferred Workforce Areas").
-- Empty: the workshops pages give no such tip.
alter table agency_settings add column training_area text not null default ''
    check (char_length(training_area) <= 40);
