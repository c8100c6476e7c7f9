//! What each staff role may do. Front desk and coaches run the day; managers also set
//! when and how much the centers offer; admins also manage staff accounts.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    FrontDesk,
    Coach,
    Manager,
    Admin,
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

    /// Opening hours, capacity and closures.
    pub fn manages_availability(self) -> bool {
        matches!(self, Role::Manager | Role::Admin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_managers_and_admins_change_availability() {
        let allowed: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.manages_availability())
            .collect();
        assert_eq!(allowed, [Role::Manager, Role::Admin]);
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_get_the_fewest_rights() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), role);
        }
        assert_eq!(Role::from_code("superuser"), Role::FrontDesk);
    }
}
