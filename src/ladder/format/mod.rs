//! The ladder as text: a level written back as markdown ([`markdown`]), and the
//! whole ladder as the line format the browser stores ([`stored`]).

pub mod markdown;
pub mod stored;
