import AcubackCore
import AcubackTestSupport
import FluentKit
import Foundation
import Testing

@testable import AcubackStore

@Suite struct ClinicStoreHolidaysTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: TestBackend.available)
    func holidaysAreAddedReadIntoTheSettingsAndRemoved(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let clinic = try await ClinicStoreTests.clinic(store)
            let clinics = ClinicStore(store)
            let christmas = CalendarDay("2026-12-25")!
            let boxing = CalendarDay("2026-12-26")!
            try await clinics.addHoliday(ClinicHoliday(day: boxing), clinicID: clinic.id, audit: ClinicStoreTests.audit(clinic.id, "clinic.holiday.add"), at: now)
            try await clinics.addHoliday(
                ClinicHoliday(day: christmas, label: " Christmas Day "), clinicID: clinic.id, audit: ClinicStoreTests.audit(clinic.id, "clinic.holiday.add"), at: now)
            let settings = try await clinics.settings(clinicID: clinic.id)
            #expect(settings.holidays == [ClinicHoliday(day: christmas, label: "Christmas Day"), ClinicHoliday(day: boxing)])
            #expect(settings.isClosed(on: christmas))
            try await clinics.removeHoliday(on: boxing, clinicID: clinic.id, audit: ClinicStoreTests.audit(clinic.id, "clinic.holiday.remove"), at: now)
            #expect(try await clinics.holidays(clinicID: clinic.id).map(\.day) == [christmas])
            #expect(try await AuditTrail(store).search(.init(clinicID: clinic.id)).items.count == 3)
        }
    }

    @Test(arguments: TestBackend.available)
    func aRepeatedOrBadHolidayIsRefusedByFieldAndStoresNothing(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let clinic = try await ClinicStoreTests.clinic(store)
            let clinics = ClinicStore(store)
            let day = CalendarDay("2026-12-25")!
            let audit = ClinicStoreTests.audit(clinic.id, "clinic.holiday.add")
            try await clinics.addHoliday(ClinicHoliday(day: day), clinicID: clinic.id, audit: audit, at: now)
            await #expect(throws: ValidationError(field: "day", rule: "2026-12-25 is already a holiday")) {
                try await clinics.addHoliday(ClinicHoliday(day: day, label: "again"), clinicID: clinic.id, audit: audit, at: now)
            }
            await #expect(throws: ValidationError(field: "label", rule: "must be at most 80 characters")) {
                try await clinics.addHoliday(ClinicHoliday(day: day.adding(days: 1), label: String(repeating: "x", count: 81)), clinicID: clinic.id, audit: audit, at: now)
            }
            await #expect(throws: ValidationError(field: "day", rule: "2027-01-01 is not a holiday")) {
                try await clinics.removeHoliday(on: CalendarDay("2027-01-01")!, clinicID: clinic.id, audit: audit, at: now)
            }
            #expect(try await clinics.holidays(clinicID: clinic.id) == [ClinicHoliday(day: day)])
            #expect(try await AuditTrail(store).search(.init(clinicID: clinic.id)).items.count == 1)
        }
    }
}
