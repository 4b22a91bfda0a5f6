import FluentKit
import Foundation

final class ClinicModel: Model, @unchecked Sendable {
    static let schema = "clinics"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "slug") var slug: String
    @Field(key: "time_zone") var timeZone: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, name: String, slug: String, timeZone: String) {
        self.id = id
        self.name = name
        self.slug = slug
        self.timeZone = timeZone
    }
}

final class RoomModel: Model, @unchecked Sendable {
    static let schema = "rooms"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: ClinicModel
    @Field(key: "name") var name: String
    /// Set when the room is no longer offered for new bookings; its past bookings keep it.
    @OptionalField(key: "retired_at") var retiredAt: Date?

    init() {}

    init(id: UUID? = nil, clinicID: UUID, name: String) {
        self.id = id
        self.$clinic.id = clinicID
        self.name = name
    }
}
