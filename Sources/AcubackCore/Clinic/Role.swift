/// What a signed-in person does at the clinic; every permission follows from it.
public enum Role: String, Codable, Sendable, CaseIterable {
    case admin, practitioner, reception, patient
}
