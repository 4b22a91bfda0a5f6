import AcubackServices
import AcubackCore
import Foundation

/// The plan saved as the patient's current one.
struct CurrentPlanView: Sendable {
    let date: String
    let needles: Int
    let `protocol`: String
    let position: String
    let retention: Int
    let points: String
    let forPatient: Bool
    let plain: String

    init(_ saved: SavedPlan, forPatient: Bool, zone: TimeZone) {
        date = DisplayTime.format(saved.createdAt, in: zone)
        needles = saved.plan.needleCount
        `protocol` = saved.plan.protocolName
        position = PositionText.describe(saved.plan.position)
        retention = saved.plan.retentionMinutes
        points = saved.plan.needles.map(\.key).joined(separator: ", ")
        self.forPatient = forPatient
        plain = PlainWords.plan(saved.plan)
    }
}

/// The plan proposed from the newest assessment with the practitioner's edits so far, as the
/// record's plan section draws it inside `{{#proposal}}`.
struct ProposalView: Sendable {
    /// One point of the plan, once however many sides it is needled on, with its remove button.
    struct NeedleRow: Sendable {
        let label: String
        let name: String
        let role: String
        let depth: Int
        let remove: String
        let key: String

        init(_ needle: PlannedNeedle) {
            label = "\(needle.point) \(needle.side.rawValue)" + (needle.site.map { " (site \($0))" } ?? "")
            name = PointCatalogue.standard.point(needle.point)?.pinyin ?? ""
            role = needle.role.rawValue
            depth = needle.maxDepthMm
            remove = PlanEditFields.encode(PlanEdit(action: .remove, point: needle.point, side: needle.side))
            key = "\(needle.point):\(needle.side.rawValue)"
        }
    }

    /// The findings of one rule, acknowledged once for the rule.
    struct RuleWarning: Sendable {
        let rule: String
        let messages: [String]
        let count: Int
    }

    struct Block: Sendable {
        let message: String
    }

    let chart: String
    let needleCount: Int
    let position: String
    let retention: Int
    let `protocol`: String
    let edits: [String]
    let edited: Bool
    let needleRows: [NeedleRow]
    let ruleWarnings: [RuleWarning]
    let blocks: [Block]
    let sides: [String]

    init(_ plan: TreatmentPlan, regions: [BackRegion], edits: [PlanEdit]) {
        let summary = PlanResultView(plan, regions: regions)
        chart = summary.chart
        needleCount = summary.needleCount
        position = summary.position
        retention = summary.retention
        `protocol` = summary.`protocol`
        self.edits = edits.map(PlanEditFields.encode)
        edited = !edits.isEmpty
        needleRows = plan.needles.enumerated().filter { index, needle in
            index == plan.needles.firstIndex { $0.point == needle.point && $0.side == needle.side }
        }.map { NeedleRow($0.element) }
        let acknowledgeable = plan.findings.filter(\.needsAcknowledgement)
        ruleWarnings = Dictionary(grouping: acknowledgeable, by: \.rule).sorted { $0.key < $1.key }.map { rule, findings in
            RuleWarning(rule: rule, messages: findings.map(\.message), count: findings.count)
        }
        blocks = plan.findings.filter(\.isUnresolvedBlock).map { Block(message: $0.message) }
        sides = NeedleSide.allCases.map(\.rawValue)
    }
}

/// One treatment session on the record, with its check-in.
struct SessionRow: Sendable {
    struct Clinical: Sendable {
        let needles: Int
        let painBefore: Int
        let painAfter: String
    }

    let id: String
    let when: String
    let with: String
    let open: Bool
    /// Nil for someone who may not read the clinical record.
    let clinical: Clinical?
    let checkIn: CheckInView?
    let checkInDue: Bool

    init(_ session: TreatmentSessionRecord, checkIn: CheckInRecord?, clinical: Bool, mayCheckIn: Bool, zone: TimeZone) {
        id = session.id.uuidString
        when = DisplayTime.format(session.startedAt, in: zone)
        with = session.practitionerName
        open = session.isOpen
        self.clinical = clinical
            ? Clinical(
                needles: session.chair.ledger.insertedCount, painBefore: session.painBefore,
                painAfter: session.closing.map { "\($0.painAfter)" } ?? "–")
            : nil
        // A check-in belongs to a closed session; one still open has none to show or ask for.
        self.checkIn = session.isOpen ? nil : checkIn.map { CheckInView($0, zone: zone) }
        checkInDue = !session.isOpen && checkIn == nil && mayCheckIn
    }
}

/// The note after a check-in was saved.
struct CheckInSaved: Sendable {
    let serious: Bool
}

/// The patient's courses, and the charts of the newest one that has measures.
struct ProgressView: Sendable {
    let courses: [CourseView]
    /// The charted course's charts, rendered (`ChartFragments`).
    let charts: String?
    let chartedCourse: CourseView?
}
