//! The values events share: parameter reading, media, messaging bindings, and the macro
//! that declares an event's type.

mod binding;
pub(crate) mod declare;
mod media;
pub(crate) mod parse;

pub use self::binding::{BindingType, MessagingBinding};
pub use self::media::Media;
