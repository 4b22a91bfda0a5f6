import Foundation
import Testing

@testable import AcubackCore

@Suite struct CertificateTests {
    let verified = Certificate(
        issuingBody: "Body", number: "1", validFrom: CalendarDay("2026-01-01")!, validTo: CalendarDay("2026-12-31")!,
        verifiedBy: "admin", verifiedAt: Date(timeIntervalSince1970: 0))

    @Test func permitsTreatmentOnEveryDayOfItsPeriodInclusive() {
        #expect(verified.permitsTreatment(on: CalendarDay("2026-01-01")!))
        #expect(verified.permitsTreatment(on: CalendarDay("2026-06-15")!))
        #expect(verified.permitsTreatment(on: CalendarDay("2026-12-31")!))
    }

    @Test func doesNotPermitTreatmentOutsideItsPeriod() {
        #expect(!verified.permitsTreatment(on: CalendarDay("2025-12-31")!))
        #expect(!verified.permitsTreatment(on: CalendarDay("2027-01-01")!))
    }

    @Test func anUnverifiedCertificateNeverPermitsTreatment() {
        var unverified = verified
        unverified.verifiedAt = nil
        #expect(!unverified.permitsTreatment(on: CalendarDay("2026-06-15")!))
    }

    @Test func anyValidCertificateIsEnough() {
        var expired = verified
        expired.validTo = CalendarDay("2025-06-30")!
        expired.validFrom = CalendarDay("2024-01-01")!
        let day = CalendarDay("2026-03-01")!
        #expect([expired, verified].permitTreatment(on: day))
        #expect(![expired].permitTreatment(on: day))
        #expect(![Certificate]().permitTreatment(on: day))
    }
}
