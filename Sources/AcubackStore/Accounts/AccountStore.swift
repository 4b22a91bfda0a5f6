import AcubackCore
import FluentKit
import Foundation

/// Clinics, users and everything about signing in, behind one repository.
public struct AccountStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    // MARK: - Clinics

    public func clinics() async throws -> [ClinicRecord] {
        try await ClinicModel.query(on: store.reader).sort(\.$createdAt).sort(\.$name).all().map(\.record)
    }

    /// The clinic the public pages belong to: the first one created.
    public func defaultClinic() async throws -> ClinicRecord? {
        try await clinics().first
    }

    public func clinic(id: UUID) async throws -> ClinicRecord? {
        try await ClinicModel.find(id, on: store.reader)?.record
    }

    public func createClinic(name: String, slug: String, timeZone: String) async throws -> ClinicRecord {
        var errors = FieldErrorCollector()
        errors.check(!name.trimmingCharacters(in: .whitespaces).isEmpty, "clinicName", "must not be empty")
        errors.check(name.count <= 200, "clinicName", "must be at most 200 characters")
        errors.check(ClinicSettings.isTimeZoneName(timeZone), "timeZone", "'\(timeZone)' is not a time zone name such as Europe/London")
        try errors.throwIfAny()
        let clinic = ClinicModel(name: name, slug: slug, timeZone: timeZone)
        try await clinic.create(on: store.fluent)
        return clinic.record
    }

    // MARK: - Users

    public func user(email: String) async throws -> UserRecord? {
        try await UserModel.query(on: store.reader).filter(\.$email == EmailRule.normalized(email)).first()?.record
    }

    public func user(id: UUID) async throws -> UserRecord? {
        try await UserModel.find(id, on: store.reader)?.record
    }

    /// Several users by id in one query, keyed by id; unknown ids are left out.
    public func users(ids: Set<UUID>) async throws -> [UUID: UserRecord] {
        guard !ids.isEmpty else { return [:] }
        let records = try await UserModel.query(on: store.reader).filter(\.$id ~~ ids).all().map(\.record)
        return Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
    }

    /// Users of a clinic (or of every clinic), newest first, a page at a time.
    public func users(clinicID: UUID?, limit: Int = 100, offset: Int = 0) async throws -> (items: [UserRecord], total: Int) {
        let query = UserModel.query(on: try store.reader)
        if let clinicID { query.filter(\.$clinic.$id == clinicID) }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$email).range(offset..<(offset + limit)).all().map(\.record)
        return (items, total)
    }

    /// Creates a user; the email must be free. Nothing is stored when a field is bad.
    public func createUser(
        clinicID: UUID, email: String, displayName: String, role: Role, passwordHash: String?, audit: AuditEntry? = nil, at now: Date = Date()
    ) async throws -> UserRecord {
        try await store.change(audit, at: now) { db in
            let user = try await Self.insertUser(
                on: db, clinicID: clinicID, email: email, displayName: displayName, role: role, passwordHash: passwordHash)
            return (user, user.id.uuidString)
        }
    }

    static func insertUser(
        on db: any Database, clinicID: UUID, email: String, displayName: String, role: Role, passwordHash: String?
    ) async throws -> UserRecord {
        try EmailRule.check(email)
        let normalized = EmailRule.normalized(email)
        var errors = FieldErrorCollector()
        errors.check(!displayName.trimmingCharacters(in: .whitespaces).isEmpty, "name", "must not be empty")
        if try await UserModel.query(on: db).filter(\.$email == normalized).first() != nil {
            errors.add("email", "is already registered; sign in or reset the password")
        }
        try errors.throwIfAny()
        let user = UserModel(clinicID: clinicID, email: normalized, displayName: displayName, role: role.rawValue, passwordHash: passwordHash)
        try await user.create(on: db)
        return user.record
    }

    /// A patient registering online: the user and the patient record together, or neither.
    public func registerPatient(
        clinicID: UUID, email: String, givenName: String, familyName: String, birthDate: CalendarDay, passwordHash: String,
        audit: AuditEntry? = nil, welcome: (@Sendable (UserRecord) -> OutboxDraft)? = nil, at now: Date = Date()
    ) async throws -> UserRecord {
        let keys = try await store.keys(for: audit)
        return try await store.fluent.transaction { db in
            let user = try await Self.insertUser(
                on: db, clinicID: clinicID, email: email, displayName: "\(givenName) \(familyName)", role: .patient,
                passwordHash: passwordHash)
            let patient = PatientModel(
                clinicID: clinicID, userID: user.id, givenName: givenName, familyName: familyName,
                birthDate: birthDate.description, email: user.email, phone: nil, risks: .none)
            try await patient.create(on: db)
            // The new patient registered themselves: the event names them as actor and patient.
            var event = audit
            event?.actorUserID = user.id
            event?.patientID = patient.id
            try await event?.append(recordID: patient.id?.uuidString, keys: keys, at: now, on: db)
            if let welcome { try await OutboxStore.enqueue(welcome(user), on: db, now: now) }
            return user
        }
    }

    /// Disabling signs the user out, revokes their API tokens and retires their reset links, so
    /// enabling them again brings none of those back.
    public func setDisabled(userID: UUID, at date: Date?, audit: AuditEntry? = nil, now: Date = Date()) async throws {
        let keys = try await store.keys(for: audit)
        try await store.fluent.transaction { db in
            guard let user = try await UserModel.find(userID, on: db) else { return }
            user.disabledAt = date
            try await user.save(on: db)
            try await audit?.append(recordID: userID.uuidString, keys: keys, at: now, on: db)
            guard let date else { return }
            try await LoginSessionModel.query(on: db).filter(\.$user.$id == userID).delete()
            try await Self.revokeAPITokens(userID: userID, now: date, on: db)
            try await Self.retireResets(userID: userID, now: date, on: db)
        }
    }

    public func setPasswordHash(userID: UUID, hash: String) async throws {
        guard let user = try await UserModel.find(userID, on: store.fluent) else { return }
        user.passwordHash = hash
        try await user.save(on: store.fluent)
    }

    /// True when the database holds no user at all (a fresh installation).
    public func isEmpty() async throws -> Bool {
        try await UserModel.query(on: store.reader).count() == 0
    }
}
