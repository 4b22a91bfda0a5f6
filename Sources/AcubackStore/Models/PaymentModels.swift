import AcubackCore
import FluentKit
import Foundation

final class PaymentModel: Model, @unchecked Sendable {
    static let schema = "payments"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Field(key: "patient_id") var patientID: UUID
    @OptionalField(key: "session_id") var sessionID: UUID?
    @OptionalField(key: "package_id") var packageID: UUID?
    @Field(key: "amount") var amount: Int
    @Field(key: "currency") var currency: String
    @Field(key: "method") var method: PaymentMethod
    @Field(key: "note") var note: String
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "received_by") var receivedBy: UUID?
    @Field(key: "receipt") var receipt: String

    init() {}
}

final class PackageModel: Model, @unchecked Sendable {
    static let schema = "packages"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Field(key: "patient_id") var patientID: UUID
    @Field(key: "name") var name: String
    @Field(key: "sessions") var sessions: Int
    @Field(key: "price") var price: Int
    @Field(key: "currency") var currency: String
    @Field(key: "expires") var expires: String
    @Field(key: "sold_at") var soldAt: Date
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?

    init() {}
}

final class PackageDrawModel: Model, @unchecked Sendable {
    static let schema = "package_draws"

    @ID(key: .id) var id: UUID?
    @Field(key: "package_id") var packageID: UUID
    @Field(key: "session_id") var sessionID: UUID
    @Field(key: "drawn_at") var drawnAt: Date

    init() {}
}
