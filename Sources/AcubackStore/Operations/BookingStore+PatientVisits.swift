import AcubackCore
import FluentSQL
import Foundation
import SQLKit

extension BookingStore {
    /// A patient's bookings in a window, cancelled ones left out, in one plain-SQL read. They are
    /// named from what the caller already holds, the patient and the clinic's directory, where
    /// `appointments(clinicID:from:to:patientID:)` reads patients, practitioners and rooms again.
    public func visits(of patient: PatientRecord, from: Date, to: Date, directory: ClinicDirectorySnapshot) async throws -> [AppointmentRecord] {
        let models = try await store.readSQL.raw("""
            SELECT * FROM appointments
            WHERE clinic_id = \(bind: patient.clinicID) AND patient_id = \(bind: patient.id)
              AND starts_at >= \(bind: from) AND starts_at < \(bind: to) AND status <> \(bind: AppointmentStatus.cancelled)
            ORDER BY starts_at LIMIT 500
            """).all().map { try $0.decode(fluentModel: AppointmentModel.self) }
        let practitioners = directory.practitionerNames
        let rooms = Dictionary(directory.rooms.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return models.map { model in
            var record = model.record
            record.patientName = patient.name
            record.practitionerName = practitioners[model.$practitioner.id] ?? ""
            record.roomName = model.$room.id.flatMap { rooms[$0] } ?? ""
            return record
        }
    }
}
