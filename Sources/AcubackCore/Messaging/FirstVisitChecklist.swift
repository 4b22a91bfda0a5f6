/// What a patient is asked to do in the portal before their first visit.
public struct FirstVisitChecklist: Sendable, Equatable {
    public var intakeDone: Bool
    public var consentDone: Bool

    public init(intakeDone: Bool, consentDone: Bool) {
        self.intakeDone = intakeDone
        self.consentDone = consentDone
    }

    public var isComplete: Bool { intakeDone && consentDone }
}
