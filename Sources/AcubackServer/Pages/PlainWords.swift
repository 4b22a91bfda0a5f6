import AcubackCore

/// What a patient reads on their own pages: visits named as the clinic would say them aloud,
/// and a line on what each one is for.
enum PlainWords {
    static func visit(_ kind: AppointmentKind) -> String {
        switch kind {
        case .consultation: "first consultation"
        case .treatment: "treatment"
        case .review: "review"
        }
    }

    static func capitalised(_ words: String) -> String { words.prefix(1).uppercased() + words.dropFirst() }

    static func lead(_ kind: AppointmentKind, minutes: Int) -> String {
        switch kind {
        case .consultation:
            "A first consultation takes \(minutes) minutes. Your practitioner asks where your back hurts and about your health, explains the plan and answers your questions."
        case .treatment:
            "A treatment takes \(minutes) minutes: the needles stay in for 10 to 20 minutes while you rest, lying or sitting."
        case .review:
            "A review takes \(minutes) minutes: you and your practitioner look at how your back has changed and decide what comes next."
        }
    }
}
