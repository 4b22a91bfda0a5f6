import Foundation
import Testing

@testable import AcubackCore

@Suite struct IncidentStatusTests {
    @Test func theStatusOnlyMovesForwardAndClosedIsFinal() {
        #expect(IncidentStatus.open.canMove(to: .investigating))
        #expect(IncidentStatus.open.canMove(to: .closed))
        #expect(IncidentStatus.investigating.canMove(to: .closed))
        #expect(!IncidentStatus.investigating.canMove(to: .open))
        #expect(!IncidentStatus.closed.canMove(to: .investigating))
    }

    @Test func closingNeedsAnOutcome() {
        #expect(throws: ValidationError(field: "outcome", rule: "is required to close the incident: say how it was resolved")) {
            try IncidentFollowUp(status: .closed, ownerUserID: nil, outcome: "  ").validate(from: .investigating)
        }
        #expect(throws: Never.self) { try IncidentFollowUp(status: .closed, ownerUserID: nil, outcome: "Needle found in the gown.").validate(from: .open) }
    }

    @Test func goingBackIsRefusedByField() {
        #expect(throws: ValidationError(field: "status", rule: "cannot go back from investigating to open")) {
            try IncidentFollowUp(status: .open, ownerUserID: nil).validate(from: .investigating)
        }
    }
}
