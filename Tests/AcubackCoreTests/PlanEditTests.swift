import Testing

@testable import AcubackCore

@Suite struct PlanEditTests {
    @Test func addingAPointReRunsTheRules() throws {
        let result = try plan(.lower(), edits: [PlanEdit(action: .add, point: "Du4")])
        #expect(result.needles(at: "GV4").map(\.side) == [.midline])
        #expect(result.needles(at: "GV4").first?.origin == .practitioner)
    }

    @Test func removingAPointTakesEverySideUnlessOneIsNamed() throws {
        let both = try plan(.lower(), edits: [PlanEdit(action: .remove, point: "KI3")])
        #expect(both.needles(at: "KI3").isEmpty)
        let one = try plan(.lower(), edits: [PlanEdit(action: .remove, point: "KI3", side: .left)])
        #expect(one.needles(at: "KI3").map(\.side) == [.right])
    }

    @Test func changingSideMovesTheNeedle() throws {
        let result = try plan(.lower(.left, levels: [.L4]), edits: [PlanEdit(action: .changeSide, point: "EX-B7", side: .left, toSide: .right)])
        #expect(result.needles(at: "EX-B7").map(\.side) == [.right])
    }

    @Test func acknowledgingByFindingOrByRuleMakesThePlanUsable() throws {
        let assessment = Assessment.upper()
        let pending = try plan(assessment)
        #expect(!pending.isUsable)
        #expect(try plan(assessment, acknowledged: pending.pendingAcknowledgements).isUsable)
        #expect(try plan(assessment, acknowledged: ["lung.depth-cap"]).isUsable)
        let partial = try plan(assessment, acknowledged: ["lung.depth-cap:BL13"])
        #expect(!partial.isUsable)
        #expect(!partial.pendingAcknowledgements.contains("lung.depth-cap:BL13"))
    }

    @Test func acknowledgementsOfNothingAreDropped() throws {
        #expect(try plan(.lower(), acknowledged: ["lung.depth-cap:BL13"]).acknowledged.isEmpty)
    }

    @Test(arguments: [
        (PlanEdit(action: .add, point: "BL99", side: .left), "edits[0].point", "not a point in the catalogue"),
        (PlanEdit(action: .add, point: "LU1", side: .left), "edits[0].point", "no needling data"),
        (PlanEdit(action: .add, point: "GB21"), "edits[0].side", "is required"),
        (PlanEdit(action: .add, point: "GV4", side: .left), "edits[0].side", "needled on midline"),
        (PlanEdit(action: .add, point: "BL25", side: .left), "edits[0].point", "already in the plan"),
        (PlanEdit(action: .remove, point: "BL13"), "edits[0].point", "not in the plan"),
        (PlanEdit(action: .changeDepth, point: "BL25", depthMm: 0), "edits[0].depthMm", "1 to 100"),
        (PlanEdit(action: .changeSide, point: "BL25", side: .left), "edits[0].toSide", "is required"),
    ])
    func aBadEditNamesTheFieldAndChangesNothing(edit: PlanEdit, field: String, rule: String) {
        #expect {
            try plan(.lower(), edits: [edit])
        } throws: { error in
            guard let error = error as? ValidationError, let first = error.errors.first else { return false }
            return first.field == field && first.rule.contains(rule)
        }
    }
}

extension PlanEdit: CustomTestStringConvertible {
    public var testDescription: String { "\(action.rawValue) \(point) \(side?.rawValue ?? "")" }
}
