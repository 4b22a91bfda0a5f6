import AcubackServices
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

    /// A course review as the patient reads it: what changed in their pain, and what comes next.
    static func review(_ review: CourseReview) -> String {
        let change = review.change
        let less = change.percent.map { " (\(SVG.number($0)) % less)" } ?? ""
        let verdict = switch review.category {
        case .responder: "an important improvement"
        case .partial: "some improvement, less than the change that counts as important"
        case .nonResponder: "no important change yet"
        }
        let next = switch review.recommendation {
        case .continueCourse: "The course goes on as planned."
        case .completeCourse: "The course is complete."
        case .offerExtension: "Your practitioner may offer \(Regimen.extensionSessions) more sessions."
        case .reviewOrRefer: "Your practitioner will talk with you about what to try next."
        }
        return "after session \(review.afterSession): your pain went from \(change.baseline) to \(change.current)\(less), \(verdict). \(next)"
    }

    /// Where a plan's needles go, without point codes: "12 on and around the sore part of your back, …".
    static func plan(_ plan: TreatmentPlan) -> String {
        let counts = Dictionary(grouping: plan.needles, by: \.role).mapValues(\.count)
        let back = (counts[.local] ?? 0) + (counts[.adjacent] ?? 0)
        let parts = [
            back > 0 ? "\(back) on and around the sore part of your back" : nil,
            counts[.distal].map { "\($0) further away, in your legs, feet or hands" },
            counts[.auricular].map { "\($0) in your ear" },
        ].compactMap { $0 }
        let position = switch plan.position {
        case .prone: "You lie face down"
        case .seated: "You sit"
        case .sideLying: "You lie on your side"
        }
        return "\(plan.needleCount) fine needles: \(parts.joined(separator: ", ")). \(position), and the needles stay in for \(plan.retentionMinutes) minutes."
    }

    static func status(_ status: AppointmentStatus) -> String {
        switch status {
        case .booked: "Booked"
        case .arrived: "Arrived"
        case .completed: "Seen"
        case .cancelled: "Cancelled"
        case .noShow: "Did not come"
        }
    }

    /// A closed session as the patient reads it: how many needles, all counted out, how long.
    static func session(_ record: TreatmentSessionRecord) -> String {
        let chair = record.chair
        var words = "\(chair.ledger.insertedCount) needles went in"
        if !record.isOpen { words += chair.ledger.inCount == 0 ? ", and every one was counted out" : "" }
        if let start = chair.timer.startedAt, let out = chair.removalStartedAt {
            words += "; they stayed in for \(Int((out.timeIntervalSince(start) / 60).rounded())) minutes"
        }
        words += ". Your pain was \(record.painBefore)/10 before"
        if let closing = record.closing { words += " and \(closing.painAfter)/10 after" }
        return words + "."
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
