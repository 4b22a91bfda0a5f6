import AcubackCore
import Foundation

/// Why a booking did not happen, mapped to a 4xx by pages and API alike.
public enum BookingError: Error, CustomStringConvertible {
    /// The time breaks a rule (past, closed, uncertified, on leave): 422; a clash: 409.
    case refused(BookingRefusal, TimeZone)
    /// Someone holds the time already: 409, naming the time.
    case taken(String)
    /// The request is malformed: 400.
    case invalid(ValidationError)
    /// The request names a patient or practitioner the clinic does not have: 422.
    case unknown(field: String, record: String)
    /// The visit is no longer booked (cancelled, attended, missed), so it cannot be changed: 400.
    case notBooked(AppointmentStatus)
    /// A course that cannot fit: 422.
    case noFit(CourseSearchFailure)
    /// A patient changing a visit inside the notice period: 422. Carries the clinic's telephone
    /// number, when it has one, so the patient knows whom to call.
    case tooLate(hours: Int, phone: String)
    /// The course shown to the desk is no longer the earliest free one: 409, with the new one.
    case proposalChanged(ProposedCourse, PractitionerRecord)
    /// An arrival or no-show the attendance rule refuses: 422.
    case attendance(AttendanceRefusal)
    /// The patient already holds as many open first consultations as the clinic allows: 409.
    case firstConsultationsFull(allowed: Int, next: Date, TimeZone)

    public var description: String {
        switch self {
        case .refused(.practitionerBusy(let start), let zone):
            "This time cannot be booked: the practitioner already has a booking at \(DisplayTime.format(start, in: zone))."
        case .refused(let refusal, _): "This time cannot be booked: \(refusal)."
        case .taken(let detail): "This time is taken: \(detail)."
        case .invalid(let error): error.description
        case .unknown(let field, let record): "\(field): no \(record) of this clinic has this id"
        case .notBooked(let status): "appointmentId: the appointment is \(status.rawValue), not booked"
        case .noFit(let failure): "The course cannot be booked: \(failure)."
        case .attendance(let refusal): "This cannot be recorded: \(refusal)."
        case .proposalChanged: "Some of the times shown were taken meanwhile: nothing was booked. Check the new times and book again."
        case .tooLate(let hours, let phone):
            "Visits can be changed online until \(hours) hours before; please call the clinic\(phone.isEmpty ? "" : " on \(phone)")."

        case .firstConsultationsFull(let allowed, let next, let zone):
            "The patient already has a first consultation booked on \(DisplayTime.format(next, in: zone)); the clinic allows \(allowed) at a time. Move or cancel that one instead."
        }
    }

    public var isConflict: Bool {
        switch self {
        case .taken, .firstConsultationsFull, .proposalChanged: return true
        case .refused(.practitionerBusy, _), .refused(.noRoomFree, _): return true
        default: return false
        }
    }

    public var fieldErrors: [FieldError] {
        switch self {
        case .invalid(let error): error.errors
        case .unknown(let field, let record): [FieldError(field: field, rule: "no \(record) of this clinic has this id")]
        case .notBooked(let status): [FieldError(field: "appointmentId", rule: "the appointment is \(status.rawValue), not booked")]
        case .refused: [FieldError(field: "start", rule: "\(self)")]
        case .taken: [FieldError(field: "start", rule: "\(self)")]
        case .noFit, .proposalChanged: [FieldError(field: "sessions", rule: "\(self)")]
        case .tooLate: [FieldError(field: "start", rule: "\(self)")]
        case .attendance(let refusal): [FieldError(field: "status", rule: "\(refusal)")]
        case .firstConsultationsFull: [FieldError(field: "kind", rule: "\(self)")]
        }
    }
}
