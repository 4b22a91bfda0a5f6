import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The waitlist's use cases: offers made with the cancel or move that frees a time, passed on
/// when not taken in the clinic's window, taken once, and who may do what.
@Suite struct WaitlistServiceTests {
    typealias Appointments = APIServiceAppointmentsTests

    struct Fixture: Sendable {
        let world: TestWorld
        let services: AppServices
        let clock: TestClock
        let mei: UUID
        let reception: Actor
        /// Waits longest; then Bella; Carl holds the visit that is cancelled or moved.
        let alice: Actor
        let bella: Actor
        let carl: Actor
        let visit: AppointmentRecord

        var waitlist: WaitlistService { services.waitlist }

        func email(_ actor: Actor) -> String { "\(actor.displayName.lowercased())@waitlist.example" }

        /// The token of the newest offer mailed to `actor`.
        func offerToken(_ actor: Actor) async throws -> String? {
            let body = try await OutboxStore(world.store).messages(to: email(actor)).first { $0.kind == "waitlist-offer" }?.body ?? ""
            guard let range = body.range(of: "/waitlist/offers/") else { return nil }
            return String(body[range.upperBound...].prefix { !$0.isWhitespace })
        }

        func offers() async throws -> [WaitlistOfferRecord] {
            try await WaitlistStore(world.store).openOffers(clinicID: world.clinic.id)
        }

        func join(_ actor: Actor, from: Int = 8 * 60, to: Int = 18 * 60) async throws -> WaitlistEntryRecord {
            let today = CalendarDay(clock.now, in: TimeZone(identifier: DemoClinic.timeZone)!)
            return try await waitlist.join(
                patientID: actor.patientID!,
                WaitlistRequest(kind: .consultation, practitionerID: nil, weekdays: Set(1...7), from: from, to: to, firstDay: today, lastDay: today.adding(days: 20)),
                by: actor, from: nil)
        }
    }

    static func withFixture(_ backend: TestBackend = .sqlite, _ body: @Sendable (Fixture) async throws -> Void) async throws {
        try await withDemoDatabase(backend) { store in
            let world = try await TestWorld.make(store: store)
            let clock = TestClock()
            let services = AcubackConfiguration(port: 0).services(over: store, clock: { clock.now })
            let accounts = AccountStore(store)
            var patients: [Actor] = []
            for name in ["Alice", "Bella", "Carl"] {
                let user = try await accounts.registerPatient(
                    clinicID: world.clinic.id, email: "\(name.lowercased())@waitlist.example", givenName: name, familyName: "Waiting",
                    birthDate: CalendarDay("1980-02-02")!, passwordHash: "x")
                let actor = try await accounts.actor(for: user)
                patients.append(Actor(userID: actor.userID, role: .patient, clinicID: actor.clinicID, patientID: actor.patientID, displayName: name))
            }
            let mei = try #require(try await ClinicStore(store).practitioners(clinicID: world.clinic.id).first { $0.name == "Mei Lin Chen" }).id
            let reception = world.sessions[.reception]!.actor
            let visit = try await services.bookings.book(
                clinicID: world.clinic.id, patientID: patients[2].patientID!, practitionerID: mei, kind: .consultation,
                start: Appointments.weekday(12, daysAhead: 9), by: reception, from: nil)
            try await body(Fixture(
                world: world, services: services, clock: clock, mei: mei, reception: reception, alice: patients[0], bella: patients[1], carl: patients[2],
                visit: visit))
        }
    }

    @Test(arguments: TestBackend.available)
    func aCancelOffersTheTimeToTheLongestWaitingInTheSameTransaction(backend: TestBackend) async throws {
        try await Self.withFixture(backend) { fixture in
            _ = try await fixture.join(fixture.alice)
            fixture.clock.advance(minutes: 1)
            _ = try await fixture.join(fixture.bella)
            #expect(try await fixture.offers().isEmpty)
            try await fixture.services.bookings.cancel(fixture.visit, by: fixture.reception, from: nil)
            let offers = try await fixture.offers()
            #expect(offers.count == 1)
            #expect(offers.first?.patientID == fixture.alice.patientID)
            #expect(offers.first?.start == fixture.visit.start)
            #expect(offers.first?.practitionerID == fixture.mei)
            let token = try #require(try await fixture.offerToken(fixture.alice))
            #expect(!token.isEmpty)
            #expect(try await fixture.offerToken(fixture.bella) == nil)
        }
    }

    @Test func anOfferRolledBackWithItsCancelLeavesNoMessage() async throws {
        try await Self.withFixture { fixture in
            let entry = try await fixture.join(fixture.alice)
            let offer = NewWaitlistOffer(
                entryID: entry.id, clinicID: fixture.world.clinic.id, patientID: fixture.alice.patientID!, kind: .consultation,
                freed: FreedTime(practitionerID: fixture.mei, start: fixture.visit.start, minutes: 60), freedByPatientID: nil, tokenHash: "h",
                expiresAt: fixture.clock.now.addingTimeInterval(3600),
                message: OutboxDraft(kind: "waitlist-offer", recipient: fixture.email(fixture.alice), subject: "s", body: "b"),
                audit: fixture.waitlist.systemEntry(.waitlistOffer, clinicID: fixture.world.clinic.id, patientID: fixture.alice.patientID!))
            // A cancel of a visit that does not exist changes nothing, and stores no offer either.
            try await BookingStore(fixture.world.store).cancel(id: UUID(), now: fixture.clock.now, offer: offer)
            #expect(try await fixture.offers().isEmpty)
            #expect(try await OutboxStore(fixture.world.store).messages(to: fixture.email(fixture.alice)).isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func anOfferNotTakenInTheWindowGoesToTheNextPatient(backend: TestBackend) async throws {
        try await Self.withFixture(backend) { fixture in
            _ = try await fixture.join(fixture.alice)
            fixture.clock.advance(minutes: 1)
            _ = try await fixture.join(fixture.bella)
            try await fixture.services.bookings.cancel(fixture.visit, by: fixture.reception, from: nil)
            let start = fixture.clock.now
            // Still inside the two hours: nothing moves.
            #expect(try await fixture.waitlist.advance(now: start.addingTimeInterval(119 * 60)) == 0)
            #expect(try await fixture.offers().map(\.patientID) == [fixture.alice.patientID])
            #expect(try await fixture.waitlist.advance(now: start.addingTimeInterval(121 * 60)) == 1)
            #expect(try await fixture.offers().map(\.patientID) == [fixture.bella.patientID])
            #expect(try await fixture.offerToken(fixture.bella) != nil)
            // Alice's link now says plainly that it expired, and books nothing.
            let late = try #require(try await fixture.offerToken(fixture.alice))
            await #expect(throws: WaitlistError.self) { _ = try await fixture.waitlist.take(token: late, from: nil) }
            // Bella lets it pass too: no one else waits for it.
            #expect(try await fixture.waitlist.advance(now: start.addingTimeInterval(250 * 60)) == 0)
            #expect(try await fixture.offers().isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func takingAnOfferBooksItOnceEvenWhenPressedTwiceAtOnce(backend: TestBackend) async throws {
        try await Self.withFixture(backend) { fixture in
            let entry = try await fixture.join(fixture.alice)
            try await fixture.services.bookings.cancel(fixture.visit, by: fixture.reception, from: nil)
            let token = try #require(try await fixture.offerToken(fixture.alice))
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        do {
                            _ = try await fixture.waitlist.take(token: token, from: nil)
                            return true
                        } catch WaitlistError.offerGone(.taken) {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.sorted { !$0 && $1 } == [false, true])
            let booked = try await BookingStore(fixture.world.store).appointments(
                clinicID: fixture.world.clinic.id, from: fixture.visit.start, to: fixture.visit.start.addingTimeInterval(60), patientID: fixture.alice.patientID)
            #expect(booked.count == 1)
            #expect(booked.first?.practitionerID == fixture.mei)
            #expect(try await WaitlistStore(fixture.world.store).entry(id: entry.id)?.status == .booked)
            do {
                _ = try await fixture.waitlist.take(token: token, from: nil)
                Issue.record("a taken offer booked again")
            } catch WaitlistError.offerGone(let status) {
                #expect(status == .taken)
            }
        }
    }

    @Test func movingAVisitOffersItsOldTime() async throws {
        try await Self.withFixture { fixture in
            _ = try await fixture.join(fixture.alice)
            _ = try await fixture.services.bookings.reschedule(fixture.visit, to: fixture.visit.start.addingTimeInterval(86_400), by: fixture.reception, from: nil)
            #expect(try await fixture.offers().map(\.start) == [fixture.visit.start])
        }
    }

    @Test func badRequestsNameTheFieldAndStoreNothing() async throws {
        try await Self.withFixture { fixture in
            func field(_ work: () async throws -> Void) async -> [String] {
                do {
                    try await work()
                    return []
                } catch WaitlistError.invalid(let error) {
                    return error.errors.map(\.field)
                } catch {
                    return ["\(error)"]
                }
            }
            let today = CalendarDay(fixture.clock.now, in: TimeZone(identifier: DemoClinic.timeZone)!)
            func request(from: Int = 540, to: Int = 720, practitioner: UUID? = nil) -> WaitlistRequest {
                WaitlistRequest(kind: .consultation, practitionerID: practitioner, weekdays: [1, 2, 3, 4, 5], from: from, to: to, firstDay: today, lastDay: today.adding(days: 14))
            }
            let alice = fixture.alice
            #expect(await field { _ = try await fixture.waitlist.join(patientID: alice.patientID!, request(from: 600, to: 600), by: alice, from: nil) } == ["to"])
            #expect(await field { _ = try await fixture.waitlist.join(patientID: fixture.bella.patientID!, request(), by: alice, from: nil) } == ["patientId"])
            // Another clinic's patient asking for this clinic's practitioner.
            let accounts = AccountStore(fixture.world.store)
            let stranger = try await accounts.actor(for: try #require(try await accounts.user(email: "stranger@other.example")))
            #expect(await field { _ = try await fixture.waitlist.join(patientID: stranger.patientID!, request(practitioner: fixture.mei), by: stranger, from: nil) } == ["practitionerId"])
            #expect(await field { _ = try await fixture.waitlist.join(patientID: alice.patientID!, request(practitioner: UUID()), by: fixture.reception, from: nil) } == ["practitionerId"])
            #expect(try await WaitlistStore(fixture.world.store).entries(clinicID: fixture.world.clinic.id, waitingOnly: false).isEmpty)
        }
    }

    @Test func whoMaySeeAndChangeWhat() async throws {
        try await Self.withFixture { fixture in
            let entry = try await fixture.join(fixture.alice)
            // A patient sees only their own entries and cannot take anyone else's off the list.
            #expect(try await fixture.waitlist.patientEntries(patientID: fixture.bella.patientID!, by: fixture.bella, from: nil).entries.isEmpty)
            await #expect(throws: AccessDenied.self) { _ = try await fixture.waitlist.patientEntries(patientID: fixture.alice.patientID!, by: fixture.bella, from: nil) }
            await #expect(throws: NotFound.self) { _ = try await fixture.waitlist.leave(entryID: entry.id, by: fixture.bella, from: nil) }
            await #expect(throws: AccessDenied.self) { _ = try await fixture.waitlist.clinicList(by: fixture.alice, from: nil) }
            // The desk sees everyone waiting and may take an entry off; the offer window is the admin's.
            #expect(try await fixture.waitlist.clinicList(by: fixture.reception, from: nil).entries.map(\.id) == [entry.id])
            await #expect(throws: AccessDenied.self) { try await fixture.waitlist.save(WaitlistSettings(offerMinutes: 30), by: fixture.reception, from: nil) }
            let admin = fixture.world.sessions[.admin]!.actor
            await #expect(throws: WaitlistError.self) { try await fixture.waitlist.save(WaitlistSettings(offerMinutes: 1), by: admin, from: nil) }
            try await fixture.waitlist.save(WaitlistSettings(offerMinutes: 30), by: admin, from: nil)
            #expect(try await fixture.waitlist.settings(clinicID: fixture.world.clinic.id).offerMinutes == 30)
            #expect(try await fixture.waitlist.leave(entryID: entry.id, by: fixture.reception, from: nil).status == .left)
            // Leaving again changes nothing.
            #expect(try await fixture.waitlist.leave(entryID: entry.id, by: fixture.alice, from: nil).status == .left)
            // Nobody is offered the freed time now.
            try await fixture.services.bookings.cancel(fixture.visit, by: fixture.reception, from: nil)
            #expect(try await fixture.offers().isEmpty)
        }
    }
}
