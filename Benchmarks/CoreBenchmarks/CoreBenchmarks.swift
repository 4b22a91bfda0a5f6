import AcubackCore
import AcubackServer
import AcubackServices
import AcubackStore
import Benchmark
import Foundation
import Logging

/// In-process benchmarks: plan generation, safety evaluation, the course search of the
/// performance issue (10 sessions, 20 practitioners, 12 weeks, 70 % booked) and chart rendering.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3), maxIterations: 100_000)

    let lowBack = Assessment(regions: [.lower], side: .both, levels: [.L4, .L5], onset: .chronic)
    var risky = Assessment(regions: [.upper, .lower], side: .both, levels: [.T3, .L4], onset: .chronic)
    risky.patient = RiskFactors(pregnancyWeek: nil, anticoagulants: true, implantedDevice: true, lungDisease: true, bmi: 17.5)
    let engine = PrescriptionEngine()

    Benchmark("Plan generation: lower back, two levels") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try engine.plan(for: lowBack))
        }
    }

    Benchmark("Safety evaluation: two regions, four risks") { benchmark in
        let safety = SafetyEngine(assessment: risky)
        let points = PointCatalogue.standard.points(matching: "BL").filter(\.isPrescribable)
        for _ in benchmark.scaledIterations {
            for point in points { blackHole(safety.verdict(for: point, side: .left)) }
            blackHole(safety.planFindings())
        }
    }

    let zone = TimeZone(identifier: "Europe/London")!
    let monday = CalendarDay("2026-03-02")!
    let now = monday.start(in: zone).addingTimeInterval(7 * 3600)
    let certificate = Certificate(issuingBody: "Body", number: "1", validFrom: CalendarDay("2025-01-01")!, validTo: CalendarDay("2027-12-31")!,
                                  verifiedBy: "admin", verifiedAt: Date(timeIntervalSince1970: 0))
    // Twenty practitioners whose 45-minute treatments fill 70 % of their working hours for 12 weeks.
    var generator = SeededGenerator(seed: 2026)
    let practitioners = (0..<20).map { _ -> PractitionerCalendar in
        var busy: [BusyInterval] = []
        for dayOffset in 0..<(12 * 7) {
            let day = monday.adding(days: dayOffset)
            guard day.isoWeekday <= 5 else { continue }
            for slot in 0..<12 where Double.random(in: 0..<1, using: &generator) < 0.7 {
                busy.append(BusyInterval(start: day.start(in: zone).addingTimeInterval(Double(8 * 3600 + slot * 45 * 60)), minutes: 45))
            }
        }
        return PractitionerCalendar(practitionerID: UUID(), name: "P", hours: .standardPractitioner, exceptions: [], certificates: [certificate],
                                    busy: BusyTimes(busy))
    }
    let finder = CourseFinder(finder: SlotFinder(settings: ClinicSettings(timeZone: "Europe/London"),
                                                 rooms: (0..<6).map { RoomCalendar(roomID: UUID(), name: "Room \($0)") }))
    let request = CourseRequest(sessions: 10, perWeek: 2, earliest: now, horizonWeeks: 12)

    Benchmark("Course search: 20 practitioners, 70 % booked") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(finder.find(request, practitioners: practitioners, now: now))
        }
    }

    Benchmark("Chart rendering: a plan on the back chart") { benchmark in
        let plan = try! engine.plan(for: lowBack)
        for _ in benchmark.scaledIterations {
            blackHole(BackChart(plan: plan, painfulRegions: [.lower], catalogue: .standard).render())
        }
    }

    Benchmark("Chart rendering: a course's four charts", closure: { benchmark, course in
        for _ in benchmark.scaledIterations {
            blackHole(course.figures.map(\.svg))
        }
    }, setup: demoCourse)
}

/// The charts of a demo patient's finished course (ten sessions, three measures), read from a
/// demo clinic loaded into a new SQLite file, as the course page reads them.
@Sendable func demoCourse() async throws -> CourseCharts {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("acuback-bench-\(UUID().uuidString).sqlite").path
    let store = try await AcubackDatabase.open(.sqlite(path: file), logger: Logger(label: "bench"))
    _ = try await store.migrate()
    _ = try await DemoClinicLoader(store: store, hashPassword: { $0 }).load()
    let outcomes = OutcomeStore(store)
    guard let clinic = try await AccountStore(store).clinics().first(where: { $0.slug == DemoClinic.slug }),
          let patient = try await PatientStore(store).patients(clinicID: clinic.id, matching: "Hughes").items.first,
          let course = try await outcomes.courses(patientID: patient.id).first,
          let progress = try await outcomes.progress(courseID: course.id)
    else { fatalError("the demo clinic has no finished course") }
    let charts = CourseCharts(progress: progress, settings: try await outcomes.settings(clinicID: clinic.id), zone: .gmt)
    await store.close()
    try? FileManager.default.removeItem(atPath: file)
    return charts
}

/// A small deterministic generator, so every run books the same 70 %.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
