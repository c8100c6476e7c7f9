-- Names are kept in Unicode's composed form (NFC) from now on; names stored before are
-- composed here, so "José" typed either way finds the same appointment at the kiosk.
update bookings
   set first_name = normalize(first_name, NFC), last_name = normalize(last_name, NFC)
 where not (first_name is nfc normalized and last_name is nfc normalized);
update workshop_enrolments
   set first_name = normalize(first_name, NFC), last_name = normalize(last_name, NFC)
 where not (first_name is nfc normalized and last_name is nfc normalized);
update visits
   set first_name = normalize(first_name, NFC), last_name = normalize(last_name, NFC)
 where first_name is not null and last_name is not null
   and not (first_name is nfc normalized and last_name is nfc normalized);
