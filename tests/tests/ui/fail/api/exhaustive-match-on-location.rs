// `Location` (like `ValueKind` and `Method`) will grow: a match needs a wildcard arm.
use twill_api::declare::Location;

fn main() {
    let location = Location::Path;
    match location {
        Location::Path | Location::Query | Location::Body | Location::Header => {}
    }
}
