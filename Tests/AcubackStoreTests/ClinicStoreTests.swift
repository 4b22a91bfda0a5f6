import AcubackCore
import AcubackTestSupport
import FluentKit
import Foundation
import Testing

@testable import AcubackStore

/// The clinic's settings with its name, address and telephone: stored with their audit event,
/// or, when any field is bad, nothing stored at all.
@Suite struct ClinicStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func audit(_ clinicID: UUID, _ action: String) -> AuditEntry {
        AuditEntry(clinicID: clinicID, actorUserID: UUID(), actorRole: "admin", action: action, recordType: "clinic")
    }

    static func clinic(_ store: AcubackDatabase) async throws -> ClinicRecord {
        try await AccountStore(store).createClinic(name: "C", slug: "c-\(UUID().uuidString.prefix(6))", timeZone: "Europe/London")
    }

    @Test(arguments: TestBackend.available)
    func contactDetailsAreStoredWithTheirAuditEvent(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let clinic = try await Self.clinic(store)
            let clinics = ClinicStore(store)
            #expect(try await clinics.contact(clinicID: clinic.id).displayName == "Acuback", "no name set yet")
            var settings = try await clinics.settings(clinicID: clinic.id)
            settings.contact = ClinicContact(name: " Riverside Back Clinic ", address: "1 Mill Lane\nYork", phone: "+44 1904 555 0100")
            settings.openingHours = WeeklyHours([1: [MinuteRange(start: 540, end: 720), MinuteRange(start: 780, end: 1020)]])
            try await clinics.saveSettings(settings, clinicID: clinic.id, audit: Self.audit(clinic.id, "clinic.settings"), at: now)
            let stored = try await clinics.settings(clinicID: clinic.id)
            #expect(stored.contact == ClinicContact(name: "Riverside Back Clinic", address: "1 Mill Lane\nYork", phone: "+44 1904 555 0100"))
            #expect(stored.openingHours.ranges(on: 1).count == 2)
            #expect(try await clinics.contact(clinicID: clinic.id).displayName == "Riverside Back Clinic")
            let events = try await AuditTrail(store).search(.init(clinicID: clinic.id)).items
            #expect(events.map(\.action) == ["clinic.settings"])
        }
    }

    @Test(arguments: TestBackend.available)
    func aBadPhoneNumberIsNamedAndNothingIsStored(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let clinic = try await Self.clinic(store)
            let clinics = ClinicStore(store)
            var settings = try await clinics.settings(clinicID: clinic.id)
            settings.contact = ClinicContact(name: "Riverside", phone: "ring us")
            settings.noticeHours = 48
            await #expect(throws: ValidationError(field: "phone", rule: "must be a telephone number: digits, spaces and + ( ) - . / only")) {
                try await clinics.saveSettings(settings, clinicID: clinic.id, audit: Self.audit(clinic.id, "clinic.settings"), at: now)
            }
            let stored = try await clinics.settings(clinicID: clinic.id)
            #expect(stored.contact == ClinicContact() && stored.noticeHours == 24)
            #expect(try await AuditTrail(store).search(.init(clinicID: clinic.id)).items.isEmpty)
        }
    }
}
