import AcubackCore
import Foundation

/// Why a waitlist use case did not happen, mapped to a 4xx by the pages.
public enum WaitlistError: Error, CustomStringConvertible {
    /// The entry asked for is bad: 400, naming the field.
    case invalid(ValidationError)
    /// The offer's link can no longer book (taken, expired, withdrawn, unknown): 410.
    case offerGone(WaitlistOfferStatus?)
    /// The booking use case refused the offered time: the offer is passed on.
    case refused(BookingError)

    public var description: String {
        switch self {
        case .invalid(let error): error.description
        case .offerGone(.taken): "This offer has already been taken: nothing more was booked."
        case .offerGone(.expired): "This offer has expired: the time was offered to the next person waiting. You are still on the waitlist."
        case .offerGone(.withdrawn): "This offer was withdrawn: the time is no longer available."
        case .offerGone(.open), .offerGone(nil): "This link is not a current offer."
        case .refused(let error): "The time could not be booked: \(error.description) The offer has been passed on; you are still on the waitlist."
        }
    }
}
