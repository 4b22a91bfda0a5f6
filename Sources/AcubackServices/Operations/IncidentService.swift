import AcubackCore
import AcubackStore
import Foundation

/// The clinic admin's follow-up of incidents, for the pages and the API alike.
public struct IncidentService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    var store: IncidentStore { services.incidentStore }

    /// The clinic's incidents, newest first; `unresolved` leaves out the closed ones.
    public func list(unresolved: Bool, by actor: Actor, from address: String?) async throws -> [IncidentRecord] {
        try AccessPolicy.require(actor, .readIncidents, .clinic(actor.clinicID))
        let incidents = try await store.incidents(clinicID: actor.clinicID, unresolved: unresolved)
        try await services.record(.incidentList, by: actor, clinicID: actor.clinicID, recordType: .incidents, from: address)
        return incidents
    }

    /// One incident with its notes; nil when the actor's clinic has no such incident.
    public func incident(id: UUID, by actor: Actor, from address: String?) async throws -> IncidentRecord? {
        try AccessPolicy.require(actor, .readIncidents, .clinic(actor.clinicID))
        guard let incident = try await store.incident(id: id, clinicID: actor.clinicID) else { return nil }
        try await services.record(
            .incidentRead, by: actor, clinicID: actor.clinicID, patientID: incident.patientID, recordType: .incident,
            recordID: id.uuidString, from: address)
        return incident
    }

    /// Records a step of the follow-up; nil when the actor's clinic has no such incident.
    public func followUp(id: UUID, _ step: IncidentFollowUp, by actor: Actor, from address: String?) async throws -> IncidentRecord? {
        try AccessPolicy.require(actor, .readIncidents, .clinic(actor.clinicID))
        guard let current = try await store.incident(id: id, clinicID: actor.clinicID) else { return nil }
        return try await store.followUp(
            id: id, clinicID: actor.clinicID, step, by: (actor.userID, actor.displayName), at: services.now(),
            audit: services.entry(
                .incidentFollowUp, by: actor, clinicID: actor.clinicID, patientID: current.patientID, recordType: .incident,
                recordID: id.uuidString, from: address))
    }

    public func possibleOwners(clinicID: UUID) async throws -> [(id: UUID, name: String)] {
        try await store.possibleOwners(clinicID: clinicID)
    }
}
