import AcubackCore
import AcubackTestSupport
import Foundation
import Testing

@testable import AcubackStore

/// Reception finds a patient the way people say them: the name in any order, the phone number
/// however it is spaced, the birth date or year.
@Suite struct PatientStoreTests {
    @Test(arguments: TestBackend.available)
    func searchFindsAPatientByNameInAnyOrderPhoneAndBirthDate(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let clinic = try await AccountStore(store).createClinic(name: "Search clinic", slug: "search", timeZone: "Europe/London")
            let patients = PatientStore(store)
            let today = try #require(CalendarDay("2026-11-28"))
            _ = try await patients.createPatient(
                clinicID: clinic.id, givenName: "Margaret", familyName: "Hughes", birthDate: "1958-03-12", email: "mh@example.org",
                phone: "+44 7700 900123", today: today)
            _ = try await patients.createPatient(
                clinicID: clinic.id, givenName: "Hugh", familyName: "Margolis", birthDate: "1990-07-01", email: nil, phone: "0161 496 0000",
                today: today)
            func found(_ text: String) async throws -> [String] {
                try await patients.patients(clinicID: clinic.id, matching: text).items.map { "\($0.givenName) \($0.familyName)" }
            }
            #expect(try await found("Margaret Hughes") == ["Margaret Hughes"])
            #expect(try await found("hughes margaret") == ["Margaret Hughes"])
            #expect(try await found("HUGH") == ["Margaret Hughes", "Hugh Margolis"].sorted { $0.split(separator: " ")[1] < $1.split(separator: " ")[1] })
            #expect(try await found("07700 900123") == ["Margaret Hughes"])
            #expect(try await found("+44 7700-900-123") == ["Margaret Hughes"])
            #expect(try await found("1958") == ["Margaret Hughes"])
            #expect(try await found("1990-07-01") == ["Hugh Margolis"])
            #expect(try await found("0161 496") == ["Hugh Margolis"])
            #expect(try await found("Margaret Smith").isEmpty)
            #expect(try await found("50%_") .isEmpty, "LIKE wildcards are matched as text")
        }
    }

    /// The same name and birth date in the clinic is most likely the same person: the desk is told
    /// who, and registers a second one only when it says this is someone else.
    @Test(arguments: TestBackend.available)
    func aSecondPatientWithTheSameNameAndBirthDateIsAWarning(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let accounts = AccountStore(store)
            let clinic = try await accounts.createClinic(name: "Desk clinic", slug: "desk", timeZone: "Europe/London")
            let other = try await accounts.createClinic(name: "Other clinic", slug: "other-desk", timeZone: "Europe/London")
            let patients = PatientStore(store)
            let today = try #require(CalendarDay("2026-11-28"))
            let first = try await patients.createPatient(
                clinicID: clinic.id, givenName: "Margaret", familyName: "Hughes", birthDate: "1958-03-12", email: nil, phone: nil, today: today)
            do {
                _ = try await patients.createPatient(
                    clinicID: clinic.id, givenName: " margaret ", familyName: "HUGHES", birthDate: "1958-03-12", email: nil, phone: nil, today: today)
                Issue.record("a second Margaret Hughes born the same day was registered without a word")
            } catch let duplicate as PossibleDuplicatePatient {
                #expect(duplicate.existing.id == first.id)
            }
            #expect(try await patients.patients(clinicID: clinic.id).total == 1, "nothing stored")
            _ = try await patients.createPatient(
                clinicID: clinic.id, givenName: "Margaret", familyName: "Hughes", birthDate: "1958-03-12", email: nil, phone: nil, today: today,
                allowingDuplicate: true)
            // Another birth date, or another clinic, is another person.
            _ = try await patients.createPatient(
                clinicID: clinic.id, givenName: "Margaret", familyName: "Hughes", birthDate: "1961-05-02", email: nil, phone: nil, today: today)
            _ = try await patients.createPatient(
                clinicID: other.id, givenName: "Margaret", familyName: "Hughes", birthDate: "1958-03-12", email: nil, phone: nil, today: today)
            #expect(try await patients.patients(clinicID: clinic.id).total == 3)
        }
    }
}
