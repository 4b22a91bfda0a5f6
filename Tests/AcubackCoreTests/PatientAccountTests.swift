import Foundation
import Testing

@testable import AcubackCore

@Suite struct PatientAccountTests {
    let day = CalendarDay(year: 2026, month: 11, day: 27)!

    func session(_ minute: Double, contact minutes: Int) -> BilledSession {
        BilledSession(
            id: UUID(), day: day, closedAt: Chair.minutes(minute),
            contact: ContactTime(periods: [DateInterval(start: Chair.minutes(minute - 40), duration: Double(minutes) * 60)]))
    }

    @Test func theDaysSecondSessionHasNoInitialCode() {
        let settings = BillingSettings(fees: ["97810": 7500, "97811": 4000])
        let first = session(60, contact: 20)
        let second = session(300, contact: 20)
        let charges = PatientAccount.charges([second, first], settings: settings, paidBySession: [first.id: 7500], fromPackage: [])
        #expect(charges.map(\.sessionID) == [first.id, second.id])
        #expect(charges.map(\.charge.minorUnits) == [7500, 4000])
        #expect(charges.map(\.owed.minorUnits) == [0, 4000])
    }

    @Test func theBalanceCountsPackagesAndCredits() {
        let settings = BillingSettings(mode: .perSession, sessionFee: 6000)
        let sessions = [session(60, contact: 20), session(2000, contact: 20)]
        let charges = PatientAccount.charges(sessions, settings: settings, paidBySession: [:], fromPackage: [sessions[0].id])
        let balance = PatientAccount.balance(
            charges, payments: [Money(10000, "USD"), Money(2000, "USD")], packagePrices: [Money(10000, "USD")], currency: "USD")
        // 6000 owed for the session the package did not pay, 2000 of it paid.
        #expect(balance == Money(4000, "USD"))
    }

    @Test func aCancelledPackageRefundsTheUnusedShareRoundedDown() {
        let package = PrepaidPackage(name: "Course", sessions: 3, price: Money(10000, "USD"), expires: day)
        #expect(package.refund(used: 1) == Money(6666, "USD"))
        #expect(package.refund(used: 3) == Money(0, "USD"))
        #expect(package.refund(used: 0) == Money(10000, "USD"))
    }

    @Test func aPaymentMustBePositiveAndInTheClinicsCurrency() {
        #expect(throws: ValidationError.self) { try NewPayment(amount: Money(0, "USD"), method: .cash).validate(currency: "USD") }
        #expect(throws: ValidationError.self) { try NewPayment(amount: Money(100, "GBP"), method: .cash).validate(currency: "USD") }
        #expect(throws: ValidationError.self) { try NewPayment(amount: Money(100, "USD"), method: .packageCredit).validate(currency: "USD") }
        #expect(throws: Never.self) { try NewPayment(amount: Money(100, "USD"), method: .transfer).validate(currency: "USD") }
    }
}
