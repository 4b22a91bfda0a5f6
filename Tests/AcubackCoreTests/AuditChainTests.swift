import Foundation
import Testing

@testable import AcubackCore

@Suite struct AuditChainTests {
    let clinic = UUID()

    /// A stand-in hash that is good enough to test the chain logic (the store uses SHA-256 and HMAC).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 1469598103934665603
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 1099511628211 }
        return String(value, radix: 16)
    }

    /// Unsigned entries hash plainly; signed ones mix in the key, and only key "k1" is known.
    static func hash(_ event: AuditEvent) -> String? {
        switch event.keyID {
        case nil: hash(event.canonicalText)
        case "k1": hash("k1-secret" + event.canonicalText)
        default: nil
        }
    }

    func chain(_ count: Int, unsigned: Int? = nil, key: String = "k1", after previousEvents: [AuditEvent] = []) -> [AuditEvent] {
        var events = previousEvents
        var previous = previousEvents.last?.hash ?? AuditEvent.genesisHash
        let unsigned = unsigned ?? count
        for sequence in (previousEvents.count + 1)...(previousEvents.count + count) {
            var event = AuditEvent(
                clinicID: clinic, sequence: sequence, at: Date(timeIntervalSince1970: Double(1_800_000_000 + sequence)),
                actorUserID: UUID(), actorRole: "practitioner", action: "patient.read", patientID: UUID(),
                recordType: "patient", recordID: nil, clientAddress: "10.0.0.\(sequence)", previousHash: previous)
            if sequence > previousEvents.count + unsigned { event.keyID = key }
            event.hash = event.keyID == nil ? Self.hash(event.canonicalText) : Self.hash("\(key)-secret" + event.canonicalText)
            previous = event.hash
            events.append(event)
        }
        return events
    }

    func verify(_ events: [AuditEvent], head: (Int, String)? = nil, anchor: String? = nil) -> AuditChain.Report {
        AuditChain.verify(
            clinicID: clinic, events: events, head: head.map { (sequence: $0.0, hash: $0.1) }, anchor: anchor, hash: Self.hash(_:))
    }

    @Test func anUntouchedChainIsIntact() {
        let events = chain(5)
        #expect(verify(events, head: (5, events[4].hash)).isIntact)
    }

    @Test func aChangedEntryIsFound() {
        var events = chain(5)
        events[2].action = "patient.update"
        let report = verify(events)
        #expect(report.brokenAt == 3)
        #expect(report.problem?.contains("changed") == true)
    }

    @Test func aChangedEntryWithARecomputedHashBreaksTheNextLink() {
        var events = chain(5)
        events[2].clientAddress = "192.168.1.1"
        events[2].hash = Self.hash(events[2].canonicalText)
        #expect(verify(events).brokenAt == 4)
    }

    @Test func aDeletedEntryIsFound() {
        var events = chain(5)
        events.remove(at: 1)
        let report = verify(events)
        #expect(report.brokenAt == 2)
        #expect(report.problem?.contains("missing") == true)
    }

    @Test func removedEntriesAtTheEndAreFoundThroughTheHead() {
        let events = chain(5)
        let report = verify(Array(events.prefix(3)), head: (5, events[4].hash))
        #expect(!report.isIntact)
        #expect(report.problem?.contains("removed") == true)
    }

    @Test func unsignedEntriesFromBeforeTheKeyAreCountedAndTheSignedOnesChecked() {
        let events = chain(5, unsigned: 2)
        let report = verify(events, head: (5, events[4].hash))
        #expect(report.isIntact)
        #expect(report.unkeyed == 2)
        #expect(report.lastSequence == 5 && report.lastHash == events[4].hash)
    }

    @Test func aChainRebuiltWithoutTheKeyIsFound() {
        // Someone with the database but not the key rewrites entry 4 and re-hashes it plainly.
        var events = chain(5, unsigned: 2)
        events[3].clientAddress = "192.168.1.1"
        events[3].keyID = nil
        events[3].hash = Self.hash(events[3].canonicalText)
        let report = verify(events)
        #expect(report.brokenAt == 4)
        #expect(report.problem?.contains("not signed") == true)
    }

    @Test func anEntrySignedWithAKeyTheFileLacksIsFound() {
        let events = chain(3, unsigned: 0, key: "k9")
        let report = verify(events)
        #expect(report.brokenAt == 1)
        #expect(report.problem?.contains("k9") == true)
    }

    @Test func anAnchoredHeadIsFoundWhileTheChainGrowsAndLostWhenItIsRebuilt() {
        let first = chain(3, unsigned: 0)
        let anchor = first[2].hash
        let grown = chain(2, unsigned: 0, after: first)
        #expect(verify(grown, anchor: anchor).anchorFound == true)
        // Someone holding the key rebuilds from entry 2 on: intact in itself, but the anchor is gone.
        let rebuilt = chain(4, unsigned: 0, after: Array(first.prefix(1)))
        let report = verify(rebuilt, anchor: anchor)
        #expect(report.isIntact)
        #expect(report.anchorFound == false)
        #expect(verify(grown).anchorFound == nil)
    }
}
