import AcubackCore
import FluentKit
import Foundation

final class AppointmentModel: Model, @unchecked Sendable {
    static let schema = "appointments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: ClinicModel
    @Parent(key: "patient_id") var patient: PatientModel
    @Parent(key: "practitioner_id") var practitioner: PractitionerModel
    @OptionalParent(key: "room_id") var room: RoomModel?
    @Field(key: "kind") var kind: AppointmentKind
    @Field(key: "status") var status: AppointmentStatus
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "minutes") var minutes: Int
    @OptionalField(key: "course_id") var courseID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
