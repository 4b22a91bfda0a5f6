import AcubackAPI
import AcubackCore
import Foundation
import AcubackServices

extension Components.Schemas.Money {
    init(_ money: Money) { self.init(minorUnits: money.minorUnits, currency: money.currency) }
}

extension Components.Schemas.Superbill {
    init(_ bill: Superbill) {
        self.init(
            sessionId: bill.sessionID, patient: .init(name: bill.patientName, birthDate: bill.patientBirthDate),
            provider: .init(name: bill.providerName, credentials: bill.providerCredentials, npi: bill.providerNPI),
            clinic: .init(name: bill.clinicName, address: bill.clinicAddress, phone: bill.clinicPhone, taxId: bill.taxID),
            serviceDate: bill.serviceDate, placeOfService: bill.placeOfService,
            diagnoses: bill.diagnoses.map { .init(pointer: $0.pointer, code: $0.code.code, summary: $0.code.summary) },
            lines: bill.lines.map {
                .init(code: $0.code?.code, description: $0.description, modifiers: $0.modifiers, units: $0.units, pointers: $0.pointers, charge: .init($0.charge))
            },
            total: .init(bill.total), paid: .init(bill.paid), balance: .init(bill.balance))
    }
}

extension Components.Schemas.BillingSettings {
    init(_ settings: BillingSettings) {
        self.init(
            mode: settings.mode == .procedureCodes ? .procedureCodes : .perSession, currency: settings.currency,
            fees: settings.fees.keys.sorted().compactMap { code in
                Components.Schemas.BillingSettings.FeesPayloadPayload.CodePayload(rawValue: code).map { .init(code: $0, minorUnits: settings.fees[code] ?? 0) }
            },
            sessionFee: settings.sessionFee, taxId: settings.taxID, placeOfService: settings.placeOfService)
    }
}

extension BillingSettings {
    init(_ body: Components.Schemas.BillingSettings) {
        self.init(
            mode: body.mode == .procedureCodes ? .procedureCodes : .perSession, currency: body.currency,
            fees: Dictionary(body.fees.map { ($0.code.rawValue, $0.minorUnits) }, uniquingKeysWith: { _, last in last }),
            sessionFee: body.sessionFee, taxID: body.taxId, placeOfService: body.placeOfService)
    }
}

extension Components.Schemas.Payment {
    init(_ record: PaymentRecord) {
        self.init(
            id: record.id.uuidString, receipt: record.receipt, patientId: record.patientID.uuidString, sessionId: record.sessionID?.uuidString,
            packageId: record.packageID?.uuidString, amount: .init(record.amount), method: .init(rawValue: record.method.rawValue) ?? .cash,
            note: record.note, receivedAt: record.receivedAt)
    }
}

extension Components.Schemas.Package {
    init(_ record: PackageRecord, today: CalendarDay) {
        let status: Components.Schemas.Package.StatusPayload =
            record.cancelledAt != nil ? .cancelled : record.package.expires < today ? .expired : record.left == 0 ? .usedUp : .active
        self.init(
            id: record.id.uuidString, name: record.package.name, sessions: record.package.sessions, left: record.left,
            price: .init(record.package.price), expires: record.package.expires.description, status: status)
    }
}

extension Components.Schemas.Account {
    init(_ statement: AccountStatement, today: CalendarDay) {
        self.init(
            currency: statement.currency, balance: .init(statement.balance),
            charges: statement.charges.map {
                .init(sessionId: $0.sessionID.uuidString, day: $0.day.description, charge: .init($0.charge), paid: .init($0.paid), owed: .init($0.owed), fromPackage: $0.fromPackage)
            },
            payments: statement.payments.map(Components.Schemas.Payment.init), packages: statement.packages.map { .init($0, today: today) })
    }
}
