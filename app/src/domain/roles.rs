//! What each staff role may do: one `Permission` per staff action and one table,
//! `Role::may`, that every staff server function and form handler consults (through
//! `api::auth::authorize`) before anything else. The README prints the same table.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    FrontDesk,
    Coach,
    Manager,
    Admin,
}

/// A staff action, or a staff view of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// The walk-in queue, live.
    ViewQueue,
    /// Call, serve, finish, mark left, transfer a visit.
    ActOnQueue,
    /// Calendar and the day's appointments (first name and last initial).
    ViewCalendar,
    /// An appointment's full name, email and phone (each read is audited).
    ReadContactDetails,
    /// An appointment's status, who handles it, its note.
    UpdateAppointment,
    /// Give a video appointment its own meeting link, which emails the participant: those
    /// who hold the calls (a link sent in the agency's name must come from one of them).
    SendMeetingLinks,
    /// The accommodation work-queue and its statuses.
    HandleAccommodations,
    /// Workshop sessions and their rosters.
    ViewWorkshops,
    /// Attended or no-show on a roster.
    MarkAttendance,
    /// Create, edit, cancel sessions (and series, with mass email), move people, change
    /// seats.
    ManageWorkshops,
    /// Hours, capacity and closures as they are.
    ViewAvailability,
    /// Change hours, capacity per slot, close or reopen a day.
    ManageAvailability,
    /// Visit, appointment and workshop counts, and their CSV.
    ViewReports,
    /// Who read whose contact details, and its CSV.
    ViewAuditLog,
    /// Pair, name and revoke kiosk tablets.
    ManageKiosks,
    /// Invite colleagues, reset passwords, disable accounts.
    ManageAccounts,
    /// Agency setup: create, edit and retire centers; the agency settings.
    ManageCenters,
}

impl Permission {
    pub const ALL: [Permission; 17] = [
        Permission::ViewQueue,
        Permission::ActOnQueue,
        Permission::ViewCalendar,
        Permission::ReadContactDetails,
        Permission::UpdateAppointment,
        Permission::SendMeetingLinks,
        Permission::HandleAccommodations,
        Permission::ViewWorkshops,
        Permission::MarkAttendance,
        Permission::ManageWorkshops,
        Permission::ViewAvailability,
        Permission::ManageAvailability,
        Permission::ViewReports,
        Permission::ViewAuditLog,
        Permission::ManageKiosks,
        Permission::ManageAccounts,
        Permission::ManageCenters,
    ];
}

impl Role {
    pub const ALL: [Role; 4] = [Role::FrontDesk, Role::Coach, Role::Manager, Role::Admin];

    pub fn code(self) -> &'static str {
        match self {
            Role::FrontDesk => "front_desk",
            Role::Coach => "coach",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    /// An unknown code gets the fewest rights.
    pub fn from_code(code: &str) -> Role {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == code)
            .unwrap_or(Role::FrontDesk)
    }

    /// The role table. Everyone runs the day (queue, calendar, accommodations, rosters);
    /// coaches also run workshops; managers also decide when and how much the centers
    /// offer, read the audit log and pair kiosks; admins also manage staff accounts and
    /// set the agency up (centers).
    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match permission {
            ViewQueue | ActOnQueue | ViewCalendar | ReadContactDetails | UpdateAppointment
            | HandleAccommodations | ViewWorkshops | MarkAttendance | ViewAvailability
            | ViewReports => true,
            ManageWorkshops | SendMeetingLinks => self != Role::FrontDesk,
            ManageAvailability | ViewAuditLog | ManageKiosks => {
                matches!(self, Role::Manager | Role::Admin)
            }
            ManageAccounts | ManageCenters => self == Role::Admin,
        }
    }
}

/// How the role is stored: its code (an unknown code gets the fewest rights).
impl From<String> for Role {
    fn from(code: String) -> Role {
        Role::from_code(&code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(permission: Permission) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .filter(|r| r.may(permission))
            .collect()
    }

    #[test]
    fn only_managers_and_admins_change_availability_read_the_audit_log_and_pair_kiosks() {
        for p in [
            Permission::ManageAvailability,
            Permission::ViewAuditLog,
            Permission::ManageKiosks,
        ] {
            assert_eq!(allowed(p), [Role::Manager, Role::Admin], "{p:?}");
        }
    }

    #[test]
    fn workshop_administration_is_for_coaches_and_above_and_accounts_for_admins() {
        for p in [Permission::ManageWorkshops, Permission::SendMeetingLinks] {
            assert_eq!(
                allowed(p),
                [Role::Coach, Role::Manager, Role::Admin],
                "{p:?}"
            );
        }
        assert_eq!(allowed(Permission::ManageAccounts), [Role::Admin]);
        assert_eq!(allowed(Permission::ManageCenters), [Role::Admin]);
        assert_eq!(allowed(Permission::MarkAttendance), Role::ALL);
    }

    #[test]
    fn a_higher_role_may_do_everything_a_lower_one_may() {
        for p in Permission::ALL {
            for pair in Role::ALL.windows(2) {
                assert!(!pair[0].may(p) || pair[1].may(p), "{p:?}: {pair:?}");
            }
        }
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_get_the_fewest_rights() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), role);
        }
        assert_eq!(Role::from_code("superuser"), Role::FrontDesk);
        assert_eq!(Role::from("admin".to_owned()), Role::Admin);
    }
}
