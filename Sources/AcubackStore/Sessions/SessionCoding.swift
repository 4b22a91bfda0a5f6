import AcubackCore
import Foundation

/// The JSON kept in the session tables: plans and needle events. Dates keep full precision so a
/// replayed ledger equals the one that was written.
enum SessionCoding {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

extension NeedleEvent {
    /// A short name for the event, stored beside its JSON so the ledger can be read in SQL.
    var kind: String {
        switch self {
        case .inserted: "inserted"
        case .removed: "removed"
        case .removedAll: "removed-all"
        case .found: "found"
        case .declaredLost: "declared-lost"
        case .stimulated: "stimulated"
        case .undone: "undone"
        case .contactStarted: "contact-started"
        case .contactStopped: "contact-stopped"
        }
    }
}
