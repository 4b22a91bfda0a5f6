import AcubackCore
import Foundation
import SQLKit

/// Who is behind a bearer token or a session cookie. Every API call and page asks, so each is one
/// plain-SQL read on a reader connection: the token or session, its user, and the patient or
/// practitioner record the user acts as, in one row.
extension AccountStore {
    /// The user columns of a caller's row, with the records they act as (indexed by user id).
    static let callerColumns = """
        u.id AS user_id, u.clinic_id AS user_clinic_id, u.email AS user_email, u.display_name AS user_display_name,
        u.role AS user_role, u.password_hash AS user_password_hash, u.disabled_at AS user_disabled_at, u.created_at AS user_created_at,
        u.language AS user_language,
        CASE WHEN u.role = 'patient' THEN (SELECT p.id FROM patients p WHERE p.user_id = u.id LIMIT 1) END AS acting_patient_id,
        CASE WHEN u.role = 'practitioner' THEN (SELECT r.id FROM practitioners r WHERE r.user_id = u.id LIMIT 1) END AS acting_practitioner_id
        """

    /// The live token for a hash, its user and who they act as; records its use once a minute.
    public func apiToken(tokenHash: String, now: Date) async throws -> (APITokenRecord, UserRecord, Actor)? {
        guard let row = try await store.readSQL.raw("""
            SELECT t.id AS token_id, t.name AS token_name, t.prefix AS token_prefix, t.created_at AS token_created_at,
                   t.last_used_at AS token_last_used_at, t.revoked_at AS token_revoked_at, \(unsafeRaw: Self.callerColumns)
            FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = \(bind: tokenHash)
            """).first()
        else { return nil }
        let (user, actor) = try Self.caller(row)
        let token = APITokenRecord(
            id: try row.decode(column: "token_id", as: UUID.self), userID: user.id, name: try row.decode(column: "token_name", as: String.self),
            prefix: try row.decode(column: "token_prefix", as: String.self), createdAt: try row.decode(column: "token_created_at", as: Date.self),
            lastUsedAt: try row.decode(column: "token_last_used_at", as: Date?.self), revokedAt: try row.decode(column: "token_revoked_at", as: Date?.self))
        guard token.revokedAt == nil, !user.isDisabled else { return nil }
        // Recording every use would turn each read into a write; once a minute is enough to show activity.
        if (token.lastUsedAt.map { now.timeIntervalSince($0) > 60 }) ?? true {
            try await store.sql.update(APITokenModel.schema).set("last_used_at", to: SQLBind(now)).where("id", .equal, token.id).run()
        }
        return (token, user, actor)
    }

    /// The live session for a cookie's token hash, its user and who they act as, unless expired or
    /// the user is disabled.
    public func session(tokenHash: String, now: Date) async throws -> (SessionRecord, UserRecord, Actor)? {
        guard let row = try await store.readSQL.raw("""
            SELECT s.id AS session_id, s.csrf_token AS session_csrf_token, s.expires_at AS session_expires_at, \(unsafeRaw: Self.callerColumns)
            FROM login_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = \(bind: tokenHash)
            """).first()
        else { return nil }
        let (user, actor) = try Self.caller(row)
        let session = SessionRecord(
            id: try row.decode(column: "session_id", as: UUID.self), userID: user.id,
            csrfToken: try row.decode(column: "session_csrf_token", as: String.self), expiresAt: try row.decode(column: "session_expires_at", as: Date.self))
        guard session.expiresAt > now, !user.isDisabled else { return nil }
        return (session, user, actor)
    }

    /// Who the user is acting as: their role and clinic, and their own patient or practitioner record.
    public func actor(for user: UserRecord) async throws -> Actor {
        guard let row = try await store.readSQL.raw("""
            SELECT \(unsafeRaw: Self.callerColumns) FROM users u WHERE u.id = \(bind: user.id)
            """).first()
        else { return Actor(userID: user.id, role: user.role, clinicID: user.clinicID, displayName: user.displayName) }
        return try Self.caller(row).1
    }

    private static func caller(_ row: any SQLRow) throws -> (UserRecord, Actor) {
        let user = UserRecord(
            id: try row.decode(column: "user_id", as: UUID.self), clinicID: try row.decode(column: "user_clinic_id", as: UUID.self),
            email: try row.decode(column: "user_email", as: String.self), displayName: try row.decode(column: "user_display_name", as: String.self),
            role: Role(rawValue: try row.decode(column: "user_role", as: String.self)) ?? .patient,
            passwordHash: try row.decode(column: "user_password_hash", as: String?.self),
            disabledAt: try row.decode(column: "user_disabled_at", as: Date?.self), createdAt: try row.decode(column: "user_created_at", as: Date?.self))
        let actor = Actor(
            userID: user.id, role: user.role, clinicID: user.clinicID, patientID: try row.decode(column: "acting_patient_id", as: UUID?.self),
            practitionerID: try row.decode(column: "acting_practitioner_id", as: UUID?.self), displayName: user.displayName,
            languageTag: try row.decode(column: "user_language", as: String?.self))
        return (user, actor)
    }
}
