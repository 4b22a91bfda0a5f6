import AcubackCore
import Foundation
import SQLKit

extension AccountStore {
    /// Keeps the language the user chose, with its audit event in the same transaction.
    public func setLanguage(_ tag: String, userID: UUID, audit: AuditEntry? = nil, at now: Date = Date()) async throws {
        try await store.change(audit, at: now) { db in
            try await (db as! any SQLDatabase).update(UserModel.schema).set("language", to: SQLBind(tag)).where("id", .equal, userID).run()
            return ((), userID.uuidString)
        }
    }
}
