import Foundation

/// Who is asking: a signed-in user of one clinic, with the role that decides what they may do.
public struct Actor: Sendable, Equatable {
    public let userID: UUID
    public let role: Role
    public let clinicID: UUID
    /// For a patient: their own patient record.
    public let patientID: UUID?
    /// For a practitioner: their own practitioner record.
    public let practitionerID: UUID?
    public let displayName: String
    /// The language tag the person chose for their pages and mails; nil until they choose.
    public let languageTag: String?

    public init(
        userID: UUID, role: Role, clinicID: UUID, patientID: UUID? = nil, practitionerID: UUID? = nil, displayName: String = "",
        languageTag: String? = nil
    ) {
        self.userID = userID
        self.role = role
        self.clinicID = clinicID
        self.patientID = patientID
        self.practitionerID = practitionerID
        self.displayName = displayName
        self.languageTag = languageTag
    }
}
