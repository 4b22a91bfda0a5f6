@testable import AcubackCore

/// Assessments across every region, side and onset, with and without palpated levels.
enum AssessmentMatrix {
    static let levelsByRegion: [BackRegion: [SpinalLevel]] = [.upper: [.T4], .middle: [.T9, .T10, .T11], .lower: [.L3, .L4]]

    static var all: [Assessment] {
        BackRegion.allCases.flatMap { region in
            PainSide.allCases.flatMap { side in
                Onset.allCases.flatMap { onset in
                    [[], levelsByRegion[region]!].map { levels in
                        Assessment(regions: [region], side: side, levels: levels, onset: onset)
                    }
                }
            }
        }
    }
}
