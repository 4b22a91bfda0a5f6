import AcubackCore
import Foundation

/// The superbill template's values: one closed session's bill, ready to print for an insurer.
struct SuperbillPage: PageModel {
    struct DiagnosisRow: Sendable {
        let pointer: String
        let code: String
        let summary: String
    }

    struct LineRow: Sendable {
        let code: String
        let description: String
        let modifiers: String
        let units: Int
        let pointers: String
        let charge: String
    }

    let sessionId: String
    let back: String
    let patientName: String
    let patientBirthDate: String
    let providerName: String
    let providerCredentials: String
    let providerNPI: String
    let clinicName: String
    let clinicAddress: String
    let clinicPhone: String
    let taxID: String
    let serviceDate: String
    let placeOfService: String
    let diagnoses: [DiagnosisRow]
    let hasDiagnoses: Bool
    let lines: [LineRow]
    let hasLines: Bool
    let total: String
    let paid: String
    let balance: String
    let sources: [String]

    init(_ bill: Superbill, back: String) {
        sessionId = bill.sessionID
        self.back = back
        patientName = bill.patientName
        patientBirthDate = bill.patientBirthDate
        providerName = bill.providerName
        providerCredentials = bill.providerCredentials
        providerNPI = bill.providerNPI
        clinicName = bill.clinicName
        clinicAddress = bill.clinicAddress
        clinicPhone = bill.clinicPhone
        taxID = bill.taxID
        serviceDate = bill.serviceDate
        placeOfService = bill.placeOfService
        diagnoses = bill.diagnoses.map { DiagnosisRow(pointer: $0.pointer, code: $0.code.code, summary: $0.code.summary) }
        hasDiagnoses = !bill.diagnoses.isEmpty
        lines = bill.lines.map {
            LineRow(
                code: $0.code?.code ?? "", description: $0.description, modifiers: $0.modifiers.joined(separator: ", "), units: $0.units,
                pointers: $0.pointers.joined(), charge: $0.charge.formatted)
        }
        hasLines = !bill.lines.isEmpty
        total = bill.total.formatted
        paid = bill.paid.formatted
        balance = bill.balance.formatted
        sources = Array(Set((bill.lines.compactMap(\.code) + bill.diagnoses.map(\.code)).map(\.source))).sorted()
    }
}
