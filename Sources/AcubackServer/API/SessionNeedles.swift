import AcubackCore
import AcubackServices
import Foundation

/// One needle of a session as the chair page and the API list it: a planned needle, or one put in
/// that the plan did not have, with its latest state.
struct SessionNeedle: Sendable {
    enum State: String, Sendable {
        case waiting, `in`, out, lost
    }

    let point: String?
    let side: NeedleSide?
    let site: Int?
    let location: String?
    let area: BodyArea?
    let level: SpinalLevel?
    let role: NeedleRole?
    let maxDepthMm: Int?
    let planned: Bool
    let label: String
    let state: State
}

/// How many needles the plan has and how many went in, are in, came out and are lost.
struct NeedleCounts: Sendable {
    let planned, inserted, `in`, out, lost: Int

    init(_ chair: ChairSession) {
        let ledger = chair.ledger
        (planned, inserted, `in`, out, lost) = (chair.planned.count, ledger.insertedCount, ledger.inCount, ledger.outCount, ledger.lostCount)
    }
}

/// The planned needles in plan order, then extra needles, each with its latest state.
enum SessionNeedles {
    /// Each needle's latest state by its key.
    static func states(_ chair: ChairSession) -> (NeedleKey) -> SessionNeedle.State {
        let states = Dictionary(chair.ledger.needles.map { ($0.key, $0.state) }, uniquingKeysWith: { _, latest in latest })
        return { key in
            switch states[key] {
            case .inPatient?: .in
            case .out?: .out
            case .lost?: .lost
            case nil: .waiting
            }
        }
    }

    /// The needles put in that the plan did not have, in the order they first went in.
    static func extraKeys(_ chair: ChairSession) -> [NeedleKey] {
        let plannedKeys = Set(chair.plannedKeys)
        var seen = Set<NeedleKey>()
        return chair.ledger.needles.map(\.key).filter { !plannedKeys.contains($0) && seen.insert($0).inserted }
    }

    static func list(_ chair: ChairSession) -> [SessionNeedle] {
        let state = states(chair)
        let planned = chair.planned.map { needle in
            SessionNeedle(
                point: needle.point, side: needle.side, site: needle.site, location: nil, area: nil, level: nil, role: needle.role,
                maxDepthMm: needle.maxDepthMm, planned: true, label: needle.key,
                state: state(NeedleKey(point: needle.point, side: needle.side, site: needle.site)))
        }
        let extra = extraKeys(chair).map { key in
            SessionNeedle(
                point: key.point, side: key.side, site: key.site, location: key.location, area: key.area, level: key.level, role: nil,
                maxDepthMm: nil, planned: false, label: key.description, state: state(key))
        }
        return planned + extra
    }
}
