import AcubackCore
import Foundation

/// A realistic clinic to try Acuback with: three practitioners (one with an expired certificate),
/// eight patients whose backs hurt in different places and who carry different risks, and a week
/// of bookings starting today.
public enum DemoClinic {
    public static let slug = "acuback-demo"
    public static let name = "Riverside Back Care (demo)"
    public static let timeZone = "Europe/London"
    public static let rooms = ["Room 1", "Room 2", "Room 3"]

    /// A demo account and the password it signs in with.
    public struct Login: Sendable, Equatable {
        public let email: String
        public let password: String
        public let role: Role
        public let name: String
    }

    public struct PractitionerSeed: Sendable {
        public let name: String
        public let email: String
        public let profession: String
        public let biography: String
        public let practisingSince: Int
        public let certificate: Certificate
    }

    public struct PatientSeed: Sendable {
        public let givenName: String
        public let familyName: String
        public let birthDate: String
        public let email: String?
        public let hasLogin: Bool
        public let assessment: Assessment
        public let complaint: String
    }

    public static let password = "acuback-demo"

    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    public static let practitioners: [PractitionerSeed] = [
        PractitionerSeed(
            name: "Mei Lin Chen", email: "mei.chen@demo.acuback.example",
            profession: "Licensed acupuncturist",
            biography: "Treats chronic low back pain; trained in traditional Chinese acupuncture.",
            practisingSince: 2009,
            certificate: Certificate(
                issuingBody: "British Acupuncture Council", number: "BAcC-DEMO-1042",
                validFrom: day("2025-01-01"), validTo: day("2027-12-31"),
                verifiedBy: "clinic admin", verifiedAt: Date(timeIntervalSince1970: 1_735_776_000))),
        PractitionerSeed(
            name: "Tomás Rivera", email: "tomas.rivera@demo.acuback.example",
            profession: "Physiotherapist with acupuncture certification",
            biography: "Combines acupuncture with exercise advice for acute and radiating back pain.",
            practisingSince: 2014,
            certificate: Certificate(
                issuingBody: "Acupuncture Association of Chartered Physiotherapists", number: "AACP-DEMO-2277",
                validFrom: day("2024-04-01"), validTo: day("2028-03-31"),
                verifiedBy: "clinic admin", verifiedAt: Date(timeIntervalSince1970: 1_711_929_600))),
        PractitionerSeed(
            name: "Hannah Okafor", email: "hannah.okafor@demo.acuback.example",
            profession: "Licensed acupuncturist",
            biography: "Upper back and neck pain. Certificate renewal pending.",
            practisingSince: 2016,
            certificate: Certificate(
                issuingBody: "British Acupuncture Council", number: "BAcC-DEMO-0815",
                validFrom: day("2023-07-01"), validTo: day("2026-06-30"),
                verifiedBy: "clinic admin", verifiedAt: Date(timeIntervalSince1970: 1_688_169_600))),
    ]

    public static let patients: [PatientSeed] = [
        PatientSeed(
            givenName: "Margaret", familyName: "Hughes", birthDate: "1959-03-14",
            email: "margaret.hughes@demo.acuback.example", hasLogin: true,
            assessment: Assessment(regions: [.lower], side: .both, levels: [.L4, .L5], onset: .chronic),
            complaint: "Aching low back for two years, worse after gardening."),
        PatientSeed(
            givenName: "David", familyName: "Osei", birthDate: "1984-09-02",
            email: "david.osei@demo.acuback.example", hasLogin: true,
            assessment: Assessment(
                regions: [.lower], side: .left, levels: [.L3], onset: .acute, patient: RiskFactors(bmi: 27.5)),
            complaint: "Sudden left-sided low back pain after lifting a sofa three days ago."),
        PatientSeed(
            givenName: "Sofia", familyName: "Marino", birthDate: "1995-06-21",
            email: nil, hasLogin: false,
            assessment: Assessment(
                regions: [.lower], side: .both, onset: .subacute, preferredPosition: .sideLying,
                patient: RiskFactors(pregnancyWeek: 22, bmi: 24.0, cannotLieProne: true)),
            complaint: "Pelvic and low back pain in the second trimester."),
        PatientSeed(
            givenName: "James", familyName: "Whitfield", birthDate: "1968-11-30",
            email: nil, hasLogin: false,
            assessment: Assessment(
                regions: [.upper], side: .right, levels: [.T3, .T4, .T5], onset: .chronic,
                patient: RiskFactors(lungDisease: true, bmi: 18.2)),
            complaint: "Right upper back pain between the shoulder blades; COPD, slim build."),
        PatientSeed(
            givenName: "Aiko", familyName: "Tanaka", birthDate: "1977-01-09",
            email: nil, hasLogin: false,
            assessment: Assessment(
                regions: [.middle], side: .midline, levels: [.T8, .T9, .T10], onset: .subacute,
                patient: RiskFactors(anticoagulants: true, bmi: 22.1)),
            complaint: "Mid-back stiffness for two months; takes warfarin for atrial fibrillation."),
        PatientSeed(
            givenName: "Robert", familyName: "Byrne", birthDate: "1954-05-17",
            email: nil, hasLogin: false,
            assessment: Assessment(
                regions: [.lower], side: .right, levels: [.L5, .S1], radiatesToLeg: true, onset: .chronic,
                electroacupuncture: true, patient: RiskFactors(implantedDevice: true, bmi: 29.0)),
            complaint: "Low back pain running down the right leg; has a pacemaker."),
        PatientSeed(
            givenName: "Priya", familyName: "Nair", birthDate: "1990-12-03",
            email: nil, hasLogin: false,
            assessment: Assessment(
                regions: [.upper, .middle], side: .both, onset: .chronic,
                patient: RiskFactors(bmi: 21.0, faintingHistory: true, needlePhobia: true)),
            complaint: "Desk-work pain across the upper and middle back; fainted at a blood test."),
        PatientSeed(
            givenName: "Lukas", familyName: "Berg", birthDate: "1998-08-25",
            email: nil, hasLogin: false,
            assessment: Assessment(
                regions: [.lower], side: .left, levels: [.L2, .L3], onset: .chronic,
                patient: RiskFactors(bmi: 23.4, brokenSkinRegions: [.lowerBack])),
            complaint: "Chronic left low back pain; eczema flare over the lumbar skin."),
    ]

    /// Every account the demo creates, for printing at start-up.
    public static var logins: [Login] {
        var logins = [
            Login(email: "admin@demo.acuback.example", password: password, role: .admin, name: "Clinic Admin"),
            Login(email: "reception@demo.acuback.example", password: password, role: .reception, name: "Rosa Reception"),
        ]
        logins += practitioners.map { Login(email: $0.email, password: password, role: .practitioner, name: $0.name) }
        logins += patients.filter(\.hasLogin).map {
            Login(email: $0.email!, password: password, role: .patient, name: "\($0.givenName) \($0.familyName)")
        }
        return logins
    }
}
