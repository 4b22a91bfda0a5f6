import AcubackCore
import AcubackStore
import Foundation

/// What every page and API call may know about a clinic without touching a patient's record: its
/// settings, contact details, practitioners and rooms. Nothing here is audited, since none of it
/// is patient data; changes to it go through `ClinicSettingsService`.
public struct ClinicDirectory: Sendable {
    let services: AppServices
    var store: ClinicStore { services.clinicStore }

    public init(services: AppServices) { self.services = services }

    public func settings(clinicID: UUID) async throws -> ClinicSettings { try await store.settings(clinicID: clinicID) }
    public func contact(clinicID: UUID) async throws -> ClinicContact { try await store.contact(clinicID: clinicID) }
    public func practitioners(clinicID: UUID) async throws -> [PractitionerRecord] { try await store.practitioners(clinicID: clinicID) }
    public func practitioner(id: UUID) async throws -> PractitionerRecord? { try await store.practitioner(id: id) }
    public func rooms(clinicID: UUID) async throws -> [RoomRecord] { try await store.rooms(clinicID: clinicID) }
    public func holidays(clinicID: UUID) async throws -> [ClinicHoliday] { try await store.holidays(clinicID: clinicID) }
    public func defaultClinic() async throws -> ClinicRecord? { try await services.accountStore.defaultClinic() }
    public func clinic(id: UUID) async throws -> ClinicRecord? { try await services.accountStore.clinic(id: id) }

    /// The practitioner, when they belong to this clinic.
    public func practitioner(id: UUID, clinicID: UUID) async throws -> PractitionerRecord? {
        guard let practitioner = try await store.practitioner(id: id), practitioner.clinicID == clinicID else { return nil }
        return practitioner
    }
}

extension AppServices {
    public var clinic: ClinicDirectory { ClinicDirectory(services: self) }
}
