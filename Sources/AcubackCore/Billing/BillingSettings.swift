/// How a clinic bills: by procedure code with a fee per code (the US superbill), or a fee per
/// session where insurers do not use CPT. Fees are in the clinic's currency's minor units.
public struct BillingSettings: Codable, Sendable, Equatable {
    public enum Mode: String, Codable, Sendable, CaseIterable { case procedureCodes, perSession }

    public var mode: Mode
    public var currency: String
    /// The fee for one unit of each procedure code, by code.
    public var fees: [String: Int]
    public var sessionFee: Int
    /// The clinic's tax id (US EIN) printed on superbills.
    public var taxID: String
    /// The CMS place-of-service code; 11 is an office.
    public var placeOfService: String

    public init(
        mode: Mode = .procedureCodes, currency: String = "USD", fees: [String: Int] = [:], sessionFee: Int = 0, taxID: String = "",
        placeOfService: String = "11"
    ) {
        self.mode = mode
        self.currency = currency
        self.fees = fees
        self.sessionFee = sessionFee
        self.taxID = taxID
        self.placeOfService = placeOfService
    }

    /// The largest fee accepted, in minor units: far above any session, far below overflow.
    public static let feeLimit = 100_000_000

    public func fee(for code: BillingCode) -> Int { fees[code.code] ?? 0 }

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(Currency.isKnown(currency), "currency", "must be an ISO 4217 code such as USD, EUR or GBP")
        for code in fees.keys.sorted() {
            errors.check(BillingCatalogue.procedure(code) != nil, "fees.\(code)", "is not a procedure code Acuback bills")
            errors.check((0...Self.feeLimit).contains(fees[code] ?? 0), "fees.\(code)", "must be from 0 up")
        }
        errors.check((0...Self.feeLimit).contains(sessionFee), "sessionFee", "must be from 0 up")
        errors.check(taxID.count <= 40, "taxID", "must be at most 40 characters")
        errors.check(placeOfService.count == 2 && placeOfService.allSatisfy(\.isNumber), "placeOfService", "must be a two-digit place-of-service code such as 11 (office)")
        try errors.throwIfAny()
    }
}
