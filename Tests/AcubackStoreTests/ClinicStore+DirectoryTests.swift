import AcubackCore
import AcubackTestSupport
import Foundation
import Testing

@testable import AcubackStore

/// The clinic's settings, rooms and practitioners are served from memory only while the clinic's
/// directory version is the one stored: every change, here or in another process, is seen at once.
@Suite struct ClinicStoreDirectoryTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: TestBackend.available)
    func everyKindOfChangeIsSeenOnTheNextRead(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let clinic = try await ClinicStoreTests.clinic(store)
            let clinics = ClinicStore(store)
            let first = try await clinics.directory(clinicID: clinic.id)
            #expect(store.directories.snapshot(clinicID: clinic.id, version: first.version) != nil, "kept for the next read")
            #expect(try await clinics.directory(clinicID: clinic.id).version == first.version)

            let room = try await clinics.addRoom(clinicID: clinic.id, name: "Room 1")
            #expect(try await clinics.rooms(clinicID: clinic.id).map(\.name) == ["Room 1"])
            let practitioner = try await clinics.createPractitioner(clinicID: clinic.id, userID: nil, name: "P", profession: "Acupuncturist", practisingSince: 2010)
            #expect(try await clinics.practitioners(clinicID: clinic.id).map(\.id) == [practitioner.id])
            try await clinics.setHours(practitionerID: practitioner.id, hours: WeeklyHours([2: [MinuteRange(start: 600, end: 720)]]))
            #expect(try await clinics.practitioners(clinicID: clinic.id)[0].hours.ranges(on: 1).isEmpty)
            _ = try await clinics.renameRoom(id: room.id, clinicID: clinic.id, to: "Garden room")
            #expect(try await clinics.rooms(clinicID: clinic.id).map(\.name) == ["Garden room"])
            try await clinics.addHoliday(ClinicHoliday(day: CalendarDay("2027-01-01")!, label: "New Year"), clinicID: clinic.id)
            #expect(try await clinics.settings(clinicID: clinic.id).holidays.map(\.label) == ["New Year"])
            let published = try await ConsentStore(store).publish(
                text: "New consent text.", clinicID: clinic.id, by: UUID(), at: now, audit: ClinicStoreTests.audit(clinic.id, "consent.publish"))
            #expect(try await clinics.settings(clinicID: clinic.id).consentVersion == published.version)
            #expect(try await clinics.directory(clinicID: clinic.id).version > first.version)
        }
    }

    @Test func aChangeMadeByAnotherProcessOnTheSameFileIsSeenAtOnce() async throws {
        try await withTestDatabase(.sqlite) { store in
            guard case .sqlite(let path) = store.location else { Issue.record("not a file"); return }
            let clinic = try await ClinicStoreTests.clinic(store)
            let clinics = ClinicStore(store)
            #expect(try await clinics.settings(clinicID: clinic.id).noticeHours == 24)
            // Another process: its own connections to the same file, as `acuback` commands have.
            let other = try await AcubackDatabase.open(.sqlite(path: path), logger: testLogger)
            var settings = try await ClinicStore(other).settings(clinicID: clinic.id)
            settings.noticeHours = 48
            try await ClinicStore(other).saveSettings(settings, clinicID: clinic.id, at: now)
            await other.close()
            #expect(try await clinics.settings(clinicID: clinic.id).noticeHours == 48)
        }
    }
}
