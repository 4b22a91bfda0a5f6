/// What insurers ask for to reimburse a patient: who was treated, by whom, where and when, what
/// was done and why, what it cost and what was paid. Derived from a closed session, never typed.
public struct Superbill: Sendable, Equatable, Codable {
    public struct Party: Sendable, Equatable, Codable {
        public var name: String
        public var detail: String
        public init(name: String, detail: String) {
            self.name = name
            self.detail = detail
        }
    }

    public struct Diagnosis: Sendable, Equatable, Codable {
        public var pointer: String
        public var code: BillingCode
    }

    public struct Line: Sendable, Equatable, Codable {
        /// Nil for a clinic that bills per session.
        public var code: BillingCode?
        public var description: String
        public var modifiers: [String]
        public var units: Int
        public var pointers: [String]
        public var charge: Money
    }

    public var sessionID: String
    public var patientID: String
    public var patientName: String
    public var patientBirthDate: String
    public var providerName: String
    public var providerCredentials: String
    public var providerNPI: String
    public var clinicName: String
    public var clinicAddress: String
    public var clinicPhone: String
    public var taxID: String
    public var serviceDate: String
    public var placeOfService: String
    public var diagnoses: [Diagnosis]
    public var lines: [Line]
    public var total: Money
    public var paid: Money

    public var balance: Money { Money(total.minorUnits - paid.minorUnits, total.currency) }
}

/// What a superbill is made from, gathered by the service from the record.
public struct SuperbillFacts: Sendable {
    public var sessionID: String
    public var patientID: String
    public var patientName: String
    public var patientBirthDate: String
    public var providerName: String
    public var providerCredentials: String
    public var providerNPI: String
    public var clinic: ClinicContact
    public var serviceDate: CalendarDay
    public var contact: ContactTime
    public var initialBilledEarlierToday: Bool
    public var diagnoses: [BillingCode]
    public var paid: Int

    public init(
        sessionID: String, patientID: String, patientName: String, patientBirthDate: String, providerName: String, providerCredentials: String,
        providerNPI: String, clinic: ClinicContact, serviceDate: CalendarDay, contact: ContactTime, initialBilledEarlierToday: Bool,
        diagnoses: [BillingCode], paid: Int
    ) {
        self.sessionID = sessionID
        self.patientID = patientID
        self.patientName = patientName
        self.patientBirthDate = patientBirthDate
        self.providerName = providerName
        self.providerCredentials = providerCredentials
        self.providerNPI = providerNPI
        self.clinic = clinic
        self.serviceDate = serviceDate
        self.contact = contact
        self.initialBilledEarlierToday = initialBilledEarlierToday
        self.diagnoses = diagnoses
        self.paid = paid
    }
}

extension Superbill {
    /// Every procedure line points at every diagnosis (at most four, as claim forms allow per line).
    public init(_ facts: SuperbillFacts, settings: BillingSettings) {
        let diagnoses = zip(DiagnosisCoding.pointers, facts.diagnoses).map { Diagnosis(pointer: $0, code: $1) }
        let pointers = Array(diagnoses.prefix(4).map(\.pointer))
        let currency = settings.currency
        let lines: [Line] = switch settings.mode {
        case .procedureCodes:
            AcupunctureCoding.lines(for: facts.contact, initialBilledEarlierToday: facts.initialBilledEarlierToday).map { line in
                Line(
                    code: line.code, description: line.code.summary, modifiers: [], units: line.units, pointers: pointers,
                    charge: Money(settings.fee(for: line.code) * line.units, currency))
            }
        case .perSession:
            [Line(code: nil, description: "Acupuncture session", modifiers: [], units: 1, pointers: pointers, charge: Money(settings.sessionFee, currency))]
        }
        self.init(
            sessionID: facts.sessionID, patientID: facts.patientID, patientName: facts.patientName, patientBirthDate: facts.patientBirthDate,
            providerName: facts.providerName, providerCredentials: facts.providerCredentials, providerNPI: facts.providerNPI,
            clinicName: facts.clinic.displayName, clinicAddress: facts.clinic.address, clinicPhone: facts.clinic.phone,
            taxID: settings.taxID, serviceDate: facts.serviceDate.description, placeOfService: settings.placeOfService,
            diagnoses: diagnoses, lines: lines, total: Money(lines.reduce(0) { $0 + $1.charge.minorUnits }, currency),
            paid: Money(facts.paid, currency))
    }
}
