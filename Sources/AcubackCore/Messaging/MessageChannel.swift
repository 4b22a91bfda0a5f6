/// How a message reaches a patient: by e-mail, or by text message (SMS) to their telephone.
public enum MessageChannel: String, Codable, Sendable, CaseIterable {
    case email
    case sms
}
