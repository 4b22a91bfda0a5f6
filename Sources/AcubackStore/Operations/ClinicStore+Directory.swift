import AcubackCore
import FluentKit
import Foundation
import SQLKit
import Synchronization

/// A clinic's settings, practitioners and rooms, which every booking and calendar reads, kept in
/// memory for as long as the clinic's directory version is the one stored.
public struct ClinicDirectorySnapshot: Sendable {
    let version: Int64
    public let settings: ClinicSettings
    public let practitioners: [PractitionerRecord]
    public let rooms: [RoomRecord]

    /// The rooms new bookings may use: a retired room keeps its past bookings and takes no new ones.
    public var activeRooms: [RoomRecord] { rooms.filter { !$0.isRetired } }

    /// Practitioners' names by id, to name rows that carry only the id.
    var practitionerNames: [UUID: String] {
        Dictionary(practitioners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The snapshots of one database, by clinic.
final class ClinicDirectoryCache: Sendable {
    private let snapshots = Mutex<[UUID: ClinicDirectorySnapshot]>([:])

    func snapshot(clinicID: UUID, version: Int64) -> ClinicDirectorySnapshot? {
        snapshots.withLock { $0[clinicID] }.flatMap { $0.version == version ? $0 : nil }
    }

    func keep(_ snapshot: ClinicDirectorySnapshot, clinicID: UUID) {
        snapshots.withLock { $0[clinicID] = snapshot }
    }
}

extension ClinicStore {
    /// The clinic's directory, from memory while its version is unchanged. The version is read on
    /// every call, so a change made by another process (a command on the same file, another
    /// server on PostgreSQL) is seen at once. It is read before the directory: a change committing
    /// in between leaves newer data under the older version, which the next call replaces.
    public func directory(clinicID: UUID) async throws -> ClinicDirectorySnapshot {
        let version = try await store.readSQL.select().column("directory_version").from(ClinicModel.schema).where("id", .equal, clinicID)
            .first()?.decode(column: "directory_version", as: Int64.self) ?? -1
        if let known = store.directories.snapshot(clinicID: clinicID, version: version) { return known }
        let db = try store.reader
        let snapshot = ClinicDirectorySnapshot(
            version: version, settings: try await Self.settings(clinicID: clinicID, on: db),
            practitioners: try await Self.practitioners(clinicID: clinicID, on: db), rooms: try await Self.rooms(clinicID: clinicID, on: db))
        store.directories.keep(snapshot, clinicID: clinicID)
        return snapshot
    }

    /// Raises every clinic's directory version inside the change's transaction. Every clinic,
    /// not only the one changed: a practitioner's or certificate's change does not name its
    /// clinic, installations hold few clinics, and these changes are rare beside the reads.
    static func raiseDirectoryVersion(on db: any Database) async throws {
        try await (db as! any SQLDatabase).update(ClinicModel.schema)
            .set("directory_version", to: SQLBinaryExpression(SQLIdentifier("directory_version"), .add, SQLLiteral.numeric("1")))
            .run()
    }
}
