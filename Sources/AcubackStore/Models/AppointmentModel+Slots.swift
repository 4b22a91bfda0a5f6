import AcubackCore
import FluentKit
import Foundation

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

    /// Claims every slot unit of this appointment for its practitioner, its room and its patient.
    /// A clash with another booking fails on the unique index, so callers run this inside their transaction.
    func holdSlots(on db: any Database) async throws {
        let id = try requireID()
        let resources = [$practitioner.id, $patient.id] + ($room.id.map { [$0] } ?? [])
        let slots = resources.flatMap { resource in
            SlotGrid.slotStarts(from: startsAt, minutes: minutes).map {
                AppointmentSlotModel(appointmentID: id, resourceID: resource, slotStart: $0)
            }
        }
        try await slots.create(on: db)
    }
}
