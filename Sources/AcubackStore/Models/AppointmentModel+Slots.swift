import AcubackCore
import FluentKit
import Foundation
import SQLKit

extension AppointmentModel {
    convenience init(
        clinicID: UUID, patientID: UUID, practitionerID: UUID, roomID: UUID?, kind: AppointmentKind,
        status: AppointmentStatus, startsAt: Date, minutes: Int
    ) {
        self.init()
        self.$clinic.id = clinicID
        self.$patient.id = patientID
        self.$practitioner.id = practitionerID
        self.$room.id = roomID
        self.kind = kind
        self.status = status
        self.startsAt = startsAt
        self.minutes = minutes
    }

    /// The resources whose time this appointment holds: its practitioner, its patient and its room.
    var resources: [UUID] { [$practitioner.id, $patient.id] + ($room.id.map { [$0] } ?? []) }

    /// Claims every slot unit of this appointment for its practitioner, its room and its patient.
    /// A clash with another booking fails on the key, so callers run this inside their transaction.
    func holdSlots(on db: any Database) async throws {
        try await SlotUnits.claim(appointmentID: requireID(), resources: resources, start: startsAt, minutes: minutes, on: db as! any SQLDatabase)
    }
}
