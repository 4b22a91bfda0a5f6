import Foundation

/// How a patient gave consent.
public enum ConsentMethod: String, Codable, Sendable, CaseIterable, NamedChoice {
    /// Read and signed in the patient portal with a typed name.
    case online
    /// Read and signed at the front desk with a typed name.
    case desk
    /// Given aloud to the practitioner, who records why it was not signed.
    case verbal

    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}

/// A patient's consent to one version of the clinic's consent text.
public struct ConsentSignature: Sendable, Equatable {
    public var method: ConsentMethod
    /// The patient's name as they typed it; empty for verbal consent.
    public var signedName: String
    /// Why consent was verbal.
    public var reason: String

    public init(method: ConsentMethod, signedName: String = "", reason: String = "") {
        self.method = method
        self.signedName = signedName.trimmingCharacters(in: .whitespacesAndNewlines)
        self.reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static let nameLimit = 200

    /// A typed signature matches a name when the words are the same, whatever their case,
    /// spacing or order ("hughes margaret" signs for Margaret Hughes).
    public static func matches(_ typed: String, _ name: String) -> Bool {
        func words(_ text: String) -> [String] {
            text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init).sorted()
        }
        return !typed.isEmpty && words(typed) == words(name)
    }
    public static let reasonLimit = 1000

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        switch method {
        case .online, .desk:
            errors.check(!signedName.isEmpty, "signedName", "is required: the patient types their full name to sign")
        case .verbal:
            errors.check(!reason.isEmpty, "reason", "is required for verbal consent: say why it was not signed")
        }
        errors.check(signedName.count <= Self.nameLimit, "signedName", "must be at most \(Self.nameLimit) characters")
        errors.check(reason.count <= Self.reasonLimit, "reason", "must be at most \(Self.reasonLimit) characters")
        try errors.throwIfAny()
    }
}

/// The consent text Acuback ships, in plain words, covering what CLINICAL.md §5 lists: how the
/// treatment is done, the common after-effects, the rare serious ones, and the right to stop.
public enum ConsentText {
    public static let defaultVersion = "2026-1"
    public static let limit = 20_000

    public static let standard = """
        Acupuncture for back pain: what you are agreeing to

        How it is done. Your practitioner places fine, single-use, sterile needles through the skin \
        at points on your back and at points further away, such as your feet, hands and ears. Often \
        more than 15 needles are used. You lie face down, on your side or sit, and the needles stay \
        in for about 10 to 20 minutes. Every needle is counted in and counted out.

        What you may feel afterwards. Many people feel sore where the needles went in, or tired, for \
        a few hours or a day; about a quarter of patients feel tired and about a third notice some \
        pain or a small bruise. These pass on their own.

        Less common. A drop of blood or a bruise at a needle point, feeling faint or dizzy during the \
        treatment (tell us at once; we will stop and let you lie down), or your symptoms feeling \
        worse for a short while.

        Rare but serious. A needle over the upper back or chest can, very rarely, reach the lung and \
        let air into the chest (a pneumothorax), which causes breathlessness or chest pain and needs \
        urgent care. Serious events happen in about 1 in 10,000 patients. If you become breathless or \
        have chest pain after a treatment, call the clinic or seek urgent help.

        Tell us before each treatment if you are or may be pregnant, take blood thinners, have a \
        bleeding disorder, a pacemaker or other implanted device, epilepsy, or broken skin where \
        needles may go.

        Your choice. You may ask questions at any time, and you may stop the treatment at any moment, \
        for any reason, without it affecting your care.
        """
}
