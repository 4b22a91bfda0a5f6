import Foundation
import Testing

@testable import AcubackCore

@Suite struct SuperbillTests {
    func facts(minutes: Int, reinsertions: Int = 0, paid: Int = 0) -> SuperbillFacts {
        SuperbillFacts(
            sessionID: "S1", patientID: "P1", patientName: "Ada Patient", patientBirthDate: "1970-05-01", providerName: "Mei Lin Chen",
            providerCredentials: "L.Ac.", providerNPI: "1234567893",
            clinic: ClinicContact(name: "Back Clinic", address: "1 Main St", phone: "555-0100"),
            serviceDate: CalendarDay(year: 2026, month: 11, day: 27)!,
            contact: ContactTime(
                periods: [DateInterval(start: Chair.start, duration: Double(minutes) * 60)],
                reinsertions: (0..<reinsertions).map { Chair.minutes(Double(20 + $0)) }),
            initialBilledEarlierToday: false,
            diagnoses: [BillingCatalogue.sciaticaRight, BillingCatalogue.sciaticaLeft], paid: paid)
    }

    let fees = BillingSettings(currency: "USD", fees: ["97810": 7500, "97811": 4000], taxID: "12-3456789")

    @Test func chargesAreTheClinicsFeePerUnitAndLinesPointAtTheDiagnoses() {
        let bill = Superbill(facts(minutes: 45, reinsertions: 2, paid: 5000), settings: fees)
        #expect(bill.diagnoses.map(\.pointer) == ["A", "B"])
        #expect(bill.lines.map { $0.code?.code } == ["97810", "97811"])
        #expect(bill.lines.map(\.units) == [1, 2])
        #expect(bill.lines.map(\.charge.minorUnits) == [7500, 8000])
        #expect(bill.lines.allSatisfy { $0.pointers == ["A", "B"] })
        #expect(bill.total == Money(15500, "USD"))
        #expect(bill.balance == Money(10500, "USD"))
        #expect(bill.providerNPI == "1234567893" && bill.taxID == "12-3456789" && bill.placeOfService == "11")
        #expect(bill.serviceDate == "2026-11-27")
    }

    @Test func aClinicBillingPerSessionHasOneLineWithoutProcedureCodes() {
        let perSession = BillingSettings(mode: .perSession, currency: "GBP", sessionFee: 6000)
        let bill = Superbill(facts(minutes: 45, reinsertions: 2), settings: perSession)
        #expect(bill.lines.count == 1)
        #expect(bill.lines[0].code == nil)
        #expect(bill.total == Money(6000, "GBP"))
    }

    @Test func settingsRefuseUnknownCurrenciesCodesAndNegativeFees() {
        let bad = BillingSettings(currency: "XYZ", fees: ["99999": 100, "97810": -1], sessionFee: -5, placeOfService: "office")
        do {
            try bad.validate()
            Issue.record("bad settings were accepted")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["currency", "fees.99999", "fees.97810", "sessionFee", "placeOfService"])
        }
    }
}
