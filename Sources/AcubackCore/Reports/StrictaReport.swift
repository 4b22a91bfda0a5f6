import Foundation

/// A STRICTA 2010 report (MacPherson 2010), items 1 to 6, filled from a course's or a session's
/// records: style and rationale from the plan, needling from the ledgers, regimen from the course,
/// other components from the closing notes, practitioner background from the certificates.
/// An item with nothing to report says why rather than staying empty.
public struct StrictaReport: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public let id: String
        public let title: String
        /// What the records say; `nil` when the item does not apply.
        public let text: String?
        public let notApplicable: String?

        static func filled(_ id: String, _ title: String, _ text: String) -> Item { Item(id: id, title: title, text: text, notApplicable: nil) }
        static func notApplicable(_ id: String, _ title: String, _ reason: String) -> Item { Item(id: id, title: title, text: nil, notApplicable: reason) }
    }

    /// One session as the report reads it.
    public struct Session: Sendable {
        public let chair: ChairSession
        public let plan: TreatmentPlan
        public let position: TreatmentPosition
        public let startedAt: Date
        public let closedAt: Date?
        public let adviceGiven: Bool
        public let adjuncts: [SessionAdjunct]

        public init(
            chair: ChairSession, plan: TreatmentPlan, position: TreatmentPosition, startedAt: Date, closedAt: Date?, adviceGiven: Bool,
            adjuncts: [SessionAdjunct] = []
        ) {
            self.chair = chair
            self.plan = plan
            self.position = position
            self.startedAt = startedAt
            self.closedAt = closedAt
            self.adviceGiven = adviceGiven
            self.adjuncts = adjuncts
        }
    }

    public struct Practitioner: Sendable {
        public let name: String
        public let profession: String
        public let practisingSince: Int
        public let certificates: [Certificate]

        public init(name: String, profession: String, practisingSince: Int, certificates: [Certificate]) {
            self.name = name
            self.profession = profession
            self.practisingSince = practisingSince
            self.certificates = certificates
        }
    }

    /// Whether the report covers a whole course or one session.
    public enum Scope: String, Codable, Sendable {
        case course, session
    }

    public let scope: Scope
    public let items: [Item]
    public let source: ClinicalSource

    /// The report of a course: `sessions` are the sessions held so far, oldest first.
    public init(course regimen: Regimen, plan: TreatmentPlan?, sessions: [Session], practitioners: [Practitioner], setting: String, year: Int) {
        scope = .course
        source = ClinicalSources.stricta2010
        let closed = sessions.filter { $0.closedAt != nil }
        let plan = plan ?? sessions.last?.plan
        items = Self.rationale(plan: plan, sessions: closed)
            + Self.needling(closed)
            + [
                .filled("3a", "Number of treatment sessions", "\(regimen.sessions) planned (\(regimen.name)); \(closed.count) held so far."),
                .filled("3b", "Frequency and duration of treatment sessions", Self.frequency(regimen, closed)),
            ]
            + Self.otherComponents(closed, setting: setting)
            + [Self.background(practitioners, year: year), Self.control]
    }

    /// The report of one session, numbered within its course when it has one.
    public init(session: Session, number: Int?, regimen: Regimen?, practitioner: Practitioner?, setting: String, year: Int) {
        scope = .session
        source = ClinicalSources.stricta2010
        let sessions = session.closedAt == nil ? [] : [session]
        let count = number.map { n in regimen.map { "Session \(n) of \($0.sessions) planned (\($0.name))." } ?? "Session \(n)." } ?? "A single session."
        items = Self.rationale(plan: session.plan, sessions: sessions)
            + Self.needling(sessions)
            + [
                .filled("3a", "Number of treatment sessions", count),
                .filled("3b", "Frequency and duration of treatment sessions", Self.frequency(regimen, sessions)),
            ]
            + Self.otherComponents(sessions, setting: setting)
            + [Self.background(practitioner.map { [$0] } ?? [], year: year), Self.control]
    }

    static let control = Item.notApplicable("6", "Control or comparator interventions", "A course of care in a clinic, not a controlled trial.")

    static func rationale(plan: TreatmentPlan?, sessions: [Session]) -> [Item] {
        guard let plan else {
            return [.notApplicable("1a", "Style of acupuncture", "No plan recorded."),
                    .notApplicable("1b", "Reasoning for treatment provided", "No plan recorded."),
                    .notApplicable("1c", "Extent to which treatment was varied", "No plan recorded.")]
        }
        let roles = NeedleRole.allCases.map { role in "\(plan.needles.filter { $0.role == role }.count) \(role.rawValue)" }.joined(separator: ", ")
        let citations = plan.sourceIDs.compactMap { ClinicalSources.source(id: $0)?.citation }
        let planned = Set(plan.needles.map { NeedleKey(point: $0.point, side: $0.side, site: $0.site) })
        let varied = sessions.filter { Set($0.chair.ledger.insertions.map(\.key)) != planned }.count
        let extras = sessions.reduce(0) { $0 + $1.chair.ledger.insertions.filter { $0.key.point == nil }.count }
        return [
            .filled("1a", "Style of acupuncture", "Formula acupuncture following \(plan.protocolName), with points chosen by role around the painful area (\(roles))."),
            .filled("1b", "Reasoning for treatment provided", plan.rationale + (citations.isEmpty ? "" : " Sources: " + citations.joined(separator: " "))),
            .filled("1c", "Extent to which treatment was varied", sessions.isEmpty
                ? "Planned from the assessment and the patient's risk factors; no session held yet."
                : "The same plan for every session; \(varied) of \(sessions.count) session(s) departed from it, with \(extras) extra needle(s) at tender points."
                    + Self.overrides(sessions)),
        ]
    }

    /// Needles placed against a safety rule a practitioner may override, each with its reason.
    static func overrides(_ sessions: [Session]) -> String {
        let overridden = sessions.flatMap { $0.chair.ledger.insertions.compactMap { insertion in insertion.override.map { (insertion.key, $0) } } }
        guard !overridden.isEmpty else { return "" }
        return " \(overridden.count) needle(s) went against a pregnancy rule by the practitioner's decision: "
            + overridden.map { key, override in "\(key) (\(override.findings.joined(separator: ", "))), because \"\(override.reason)\"" }.joined(separator: "; ")
            + "."
    }

    static func needling(_ sessions: [Session]) -> [Item] {
        guard !sessions.isEmpty else {
            let reason = "No closed session yet."
            return [("2a", "Number of needle insertions per session"), ("2b", "Names of points used"), ("2c", "Depth of insertion"),
                    ("2d", "Response sought"), ("2e", "Needle stimulation"), ("2f", "Needle retention time"), ("2g", "Needle type")]
                .map { Item.notApplicable($0.0, $0.1, reason) }
        }
        let needling = sessions.map { StrictaNeedling(session: $0.chair) }
        let counts = needling.map(\.insertions)
        let depths = sessions.flatMap { $0.chair.ledger.insertions.map(\.depthMm) }
        let retentions = needling.compactMap(\.retentionMinutes)
        var points: [String] = []
        for point in needling.flatMap(\.points) where !points.contains(point) { points.append(point) }
        var types: [String] = []
        for type in needling.flatMap(\.needleTypes) where !types.contains(type) { types.append(type) }
        var stimulation: [String] = []
        for kind in needling.flatMap(\.stimulation).map(\.rawValue) where !stimulation.contains(kind) { stimulation.append(kind) }
        let deQi = sessions.reduce(0) { $0 + $1.chair.ledger.insertions.filter(\.deQi).count }
        return [
            .filled("2a", "Number of needle insertions per session", Self.summary(counts.map(Double.init), unit: "insertions")),
            .filled("2b", "Names of points used", points.joined(separator: "; ")),
            .filled("2c", "Depth of insertion", depths.isEmpty ? "None recorded." : Self.summary(depths.map(Double.init), unit: "mm")),
            .filled("2d", "Response sought", "De qi; obtained at \(deQi) of \(counts.reduce(0, +)) insertions."),
            .filled("2e", "Needle stimulation", (stimulation.isEmpty ? "None." : stimulation.joined(separator: ", "))
                + Self.electrical(needling.flatMap(\.electricalPairs))),
            .filled("2f", "Needle retention time", retentions.isEmpty ? "Not timed." : Self.summary(retentions.map(Double.init), unit: "minutes")),
            .filled("2g", "Needle type", types.joined(separator: "; ")),
        ]
    }

    static func electrical(_ pairs: [String]) -> String {
        pairs.isEmpty ? "" : "; electroacupuncture pairs: " + pairs.joined(separator: "; ")
    }

    static func frequency(_ regimen: Regimen?, _ sessions: [Session]) -> String {
        let minutes = sessions.compactMap { session in session.closedAt.map { $0.timeIntervalSince(session.startedAt) / 60 } }
        let length = minutes.isEmpty ? "" : " Each session lasted " + summary(minutes, unit: "minutes") + " from start to close."
        return (regimen.map { "\($0.summary)." } ?? "A single session.") + length
    }

    static func otherComponents(_ sessions: [Session], setting: String) -> [Item] {
        let advised = sessions.filter(\.adviceGiven).count
        let positions = Set(sessions.map(\.position.rawValue)).sorted().joined(separator: ", ")
        let treatments: [AdjunctKind] = [.moxibustion, .cupping, .heatLamp]
        let told: [AdjunctKind] = [.advice, .exercises]
        return [
            .filled("4a", "Other interventions", Self.adjuncts(treatments, in: sessions) ?? "None recorded besides acupuncture."),
            .filled("4b", "Setting and context of treatment", "\(setting); the patient lay \(positions.isEmpty ? "as planned" : positions). "
                + "Each needle was counted in and out at the chair, and the retention was timed. "
                + "After-care advice was given at \(advised) of \(sessions.count) session(s): \(AfterCareAdvice.standard)"
                + (Self.adjuncts(told, in: sessions).map { " Also: " + $0 } ?? "")),
        ]
    }

    /// "Cupping at 2 of 5 sessions (cups beside L3, 5 minutes; …)." for each kind given, from the closings.
    static func adjuncts(_ kinds: [AdjunctKind], in sessions: [Session]) -> String? {
        let lines = kinds.compactMap { kind -> String? in
            let details = sessions.compactMap { $0.adjuncts.first { $0.kind == kind }?.detail }
            guard !details.isEmpty else { return nil }
            var seen: [String] = []
            for detail in details where !seen.contains(detail) { seen.append(detail) }
            return "\(AdjunctWords.name(kind)) at \(details.count) of \(sessions.count) session(s) (\(seen.joined(separator: "; ")))."
        }
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    static func background(_ practitioners: [Practitioner], year: Int) -> Item {
        guard !practitioners.isEmpty else { return .notApplicable("5", "Practitioner background", "No practitioner recorded.") }
        let text = practitioners.map { practitioner in
            let certificates = practitioner.certificates.map { "\($0.issuingBody) (no. \($0.number), valid \($0.validFrom) to \($0.validTo))" }
            return "\(practitioner.name): \(practitioner.profession), \(max(0, year - practitioner.practisingSince)) years in practice"
                + (certificates.isEmpty ? "" : "; certified by " + certificates.joined(separator: ", ")) + "."
        }
        return .filled("5", "Practitioner background", text.joined(separator: " "))
    }

    /// "mean 17.5 (range 16 to 19) insertions".
    static func summary(_ values: [Double], unit: String) -> String {
        guard let low = values.min(), let high = values.max() else { return "None." }
        let mean = values.reduce(0, +) / Double(values.count)
        func text(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value) }
        return low == high ? "\(text(low)) \(unit)" : "mean \(text(mean)) (range \(text(low)) to \(text(high))) \(unit)"
    }
}
