import AcubackCore
import Foundation

public struct ClinicRecord: Sendable, Equatable {
    public let id: UUID
    public let name: String
    public let slug: String
    public let timeZone: String
}

public struct UserRecord: Sendable, Equatable {
    public let id: UUID
    public let clinicID: UUID
    public let email: String
    public let displayName: String
    public let role: Role
    public let passwordHash: String?
    public let disabledAt: Date?
    public let createdAt: Date?

    public var isDisabled: Bool { disabledAt != nil }
}

public struct SessionRecord: Sendable, Equatable {
    public let id: UUID
    public let userID: UUID
    public let csrfToken: String
    public let expiresAt: Date
}

public struct APITokenRecord: Sendable, Equatable {
    public let id: UUID
    public let userID: UUID
    public let name: String
    public let prefix: String
    public let createdAt: Date
    public let lastUsedAt: Date?
    public let revokedAt: Date?
}

extension ClinicModel {
    var record: ClinicRecord {
        ClinicRecord(id: id!, name: name, slug: slug, timeZone: timeZone)
    }
}

extension UserModel {
    var record: UserRecord {
        UserRecord(
            id: id!, clinicID: $clinic.id, email: email, displayName: displayName, role: Role(rawValue: role) ?? .patient,
            passwordHash: passwordHash, disabledAt: disabledAt, createdAt: createdAt)
    }
}

extension APITokenModel {
    var record: APITokenRecord {
        APITokenRecord(
            id: id!, userID: $user.id, name: name, prefix: prefix, createdAt: createdAt, lastUsedAt: lastUsedAt,
            revokedAt: revokedAt)
    }
}
