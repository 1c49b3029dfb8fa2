//! The envelope codes op-sim answers with. The real API's codes are not documented; these
//! are op-sim's own, listed in its README.

pub const OK: i64 = 200;
pub const BAD_API_VERSION: i64 = 4001;
pub const UNKNOWN_CLIENT: i64 = 4002;
pub const TOKEN_REJECTED: i64 = 4003;
pub const BAD_SIGN: i64 = 4004;
pub const BAD_BODY: i64 = 4005;
pub const USER_NOT_FOUND: i64 = 4040;
