import Foundation
import Testing

@testable import AcubackCore

@Suite struct AuditChainTests {
    let clinic = UUID()

    /// A stand-in hash that is good enough to test the chain logic (the store uses SHA-256).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 1469598103934665603
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 1099511628211 }
        return String(value, radix: 16)
    }

    func chain(_ count: Int) -> [AuditEvent] {
        var events: [AuditEvent] = []
        var previous = AuditEvent.genesisHash
        for sequence in 1...count {
            var event = AuditEvent(
                clinicID: clinic, sequence: sequence, at: Date(timeIntervalSince1970: Double(1_800_000_000 + sequence)),
                actorUserID: UUID(), actorRole: "practitioner", action: "patient.read", patientID: UUID(),
                recordType: "patient", recordID: nil, clientAddress: "10.0.0.\(sequence)", previousHash: previous)
            event.hash = Self.hash(event.canonicalText)
            previous = event.hash
            events.append(event)
        }
        return events
    }

    func verify(_ events: [AuditEvent], head: (Int, String)? = nil) -> AuditChain.Report {
        AuditChain.verify(clinicID: clinic, events: events, head: head.map { (sequence: $0.0, hash: $0.1) }, hash: Self.hash)
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
}
