import AcubackCore
import Foundation

extension CertificateModel {
    convenience init(practitionerID: UUID, _ certificate: Certificate) {
        self.init()
        self.$practitioner.id = practitionerID
        self.issuingBody = certificate.issuingBody
        self.number = certificate.number
        self.validFrom = certificate.validFrom.description
        self.validTo = certificate.validTo.description
        self.verifiedBy = certificate.verifiedBy
        self.verifiedAt = certificate.verifiedAt
    }

    var certificate: Certificate {
        Certificate(
            issuingBody: issuingBody, number: number,
            validFrom: CalendarDay(validFrom) ?? CalendarDay(year: 1970, month: 1, day: 1)!,
            validTo: CalendarDay(validTo) ?? CalendarDay(year: 1970, month: 1, day: 1)!,
            verifiedBy: verifiedBy, verifiedAt: verifiedAt)
    }
}
