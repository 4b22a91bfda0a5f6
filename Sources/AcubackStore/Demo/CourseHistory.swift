import AcubackCore
import FluentKit
import Foundation

/// Writes finished courses of treatment into the past: appointments, closed sessions with pain
/// before and after and a check-in, measures at the baseline, the interim review and the end,
/// and the reviews. The demo clinic and `acuback demo --scale` both use it.
///
/// Every figure follows from the patient's number, so the analytics of a generated clinic have
/// known answers: the outcome repeats every five patients (`Outcome.pattern`) and the after-
/// effects every few sessions (`soreness`, `tiredness`). Past appointments hold no slots, since
/// nothing can be booked in the past, and each practitioner's courses never overlap in time.
public enum CourseHistory {
    /// Pain (average over the last week) at the baseline and at the end of the course.
    public struct Outcome: Equatable, Sendable {
        public let baseline: Int
        public let end: Int

        /// Responder (6 → 3), responder (6 → 3), partial (8 → 7), non-responder (5 → 5), responder (7 → 4).
        static let pattern = [Outcome(baseline: 6, end: 3), Outcome(baseline: 6, end: 3), Outcome(baseline: 8, end: 7),
                              Outcome(baseline: 5, end: 5), Outcome(baseline: 7, end: 4)]

        public static func of(patient index: Int) -> Outcome { pattern[index % pattern.count] }
    }

    public static let regimen = Regimen.gerac
    static let minutes = 45
    /// Courses of one practitioner run side by side at these many times of day.
    static let timesPerDay = 14

    public static func soreness(session: Int) -> Int { session % 3 == 0 ? 3 : 0 }
    public static func tiredness(session: Int) -> Bool { session % 4 == 0 }
    /// One serious after-effect (an incident) in every 50 patients: patient 0, 50, 100...
    public static func hasIncident(patient index: Int) -> Bool { index % 50 == 0 }

    struct Rows {
        var courses: [CourseModel] = []
        var appointments: [AppointmentModel] = []
        var sessions: [TreatmentSessionModel] = []
        var checkIns: [CheckInModel] = []
        var measures: [OutcomeMeasureModel] = []
        var reviews: [CourseReviewModel] = []
        var incidents: [IncidentModel] = []
        var needleEvents: [NeedleEventModel] = []
        /// The red-flag screen asked again at each review.
        var screens: [RedFlagScreenModel] = []

        mutating func create(on db: any Database) async throws {
            try await courses.create(on: db)
            try await appointments.create(on: db)
            try await sessions.create(on: db)
            try await checkIns.create(on: db)
            try await measures.create(on: db)
            try await reviews.create(on: db)
            try await incidents.create(on: db)
            // SQLite binds at most 250,000 values a statement: the ledgers go in slices.
            for start in stride(from: 0, to: needleEvents.count, by: 5000) {
                try await Array(needleEvents[start..<min(start + 5000, needleEvents.count)]).create(on: db)
            }
            try await screens.create(on: db)
            self = Rows()
        }
    }

    /// The Monday a course block starts: block 0 ends in the week before `today`, older blocks
    /// go back five weeks at a time.
    public static func blockStart(_ block: Int, today: Date, zone: TimeZone) -> CalendarDay {
        let day = CalendarDay(today, in: zone)
        let thisMonday = day.adding(days: -(day.isoWeekday - 1))
        return thisMonday.adding(days: -7 * regimen.weeks * (block + 1))
    }

    /// Adds one finished course for the patient to `rows`. `slot` is the practitioner's course
    /// number, which fixes the time of day and the block of weeks. With `ledgerOf`, each session
    /// also gets its needle ledger: every planned needle in, then all out and counted.
    static func add(
        to rows: inout Rows, index: Int, slot: Int, clinicID: UUID, patientID: UUID, practitionerID: UUID, recordedBy: UUID,
        plan: TreatmentPlanModel, protocolName: String, region: String, today: Date, zone: TimeZone,
        ledgerOf treatmentPlan: TreatmentPlan? = nil
    ) {
        let outcome = Outcome.of(patient: index)
        let course = CourseModel()
        course.id = UUID()
        course.clinicID = clinicID
        course.$patient.id = patientID
        course.$practitioner.id = practitionerID
        course.sessions = regimen.sessions
        course.perWeek = regimen.peakPerWeek
        course.kind = .treatment
        course.status = "completed"
        course.planID = plan.id
        course.regimenJSON = try? SessionCoding.encode(regimen)
        course.region = region
        course.protocolName = protocolName
        let first = blockStart(slot / timesPerDay, today: today, zone: zone)
        let minuteOfDay = 8 * 60 + (slot % timesPerDay) * minutes
        course.createdAt = first.adding(days: -3).start(in: zone)
        let sessions = regimen.sessions
        var sessionIDs: [UUID] = []
        var starts: [Date] = []
        for number in 0..<sessions {
            // Monday and Thursday of each week.
            let day = first.adding(days: (number / 2) * 7 + (number % 2) * 3)
            let start = day.start(in: zone).addingTimeInterval(Double(minuteOfDay * 60))
            let appointment = AppointmentModel(
                clinicID: clinicID, patientID: patientID, practitionerID: practitionerID, roomID: nil, kind: .treatment, status: .completed,
                startsAt: start, minutes: minutes)
            appointment.id = UUID()
            appointment.courseID = course.id
            rows.appointments.append(appointment)
            let pain = painBefore(session: number, of: sessions, outcome: outcome)
            let session = TreatmentSessionModel()
            session.id = UUID()
            session.clinicID = clinicID
            session.$patient.id = patientID
            session.$practitioner.id = practitionerID
            session.$appointment.id = appointment.id!
            session.$plan.id = plan.id!
            session.planDigest = plan.planDigest
            session.position = .prone
            session.painBefore = pain
            session.targetMinutes = 20
            session.startedAt = start.addingTimeInterval(300)
            session.timerStartedAt = start.addingTimeInterval(600)
            session.closedAt = start.addingTimeInterval(35 * 60)
            if let treatmentPlan {
                let lastIn = addLedger(to: &rows, sessionID: session.id!, plan: treatmentPlan, from: start.addingTimeInterval(300), by: recordedBy)
                session.timerStartedAt = lastIn
                session.targetMinutes = treatmentPlan.retentionMinutes
                session.closedAt = lastIn.addingTimeInterval(Double(treatmentPlan.retentionMinutes * 60 + 120))
            }
            session.painAfter = max(0, pain - 1)
            session.reactions = ""
            session.adviceGiven = true
            rows.sessions.append(session)
            sessionIDs.append(session.id!)
            starts.append(start)
            let checkIn = CheckInModel()
            checkIn.$session.id = session.id!
            checkIn.enteredAt = start.addingTimeInterval(86_400)
            checkIn.enteredBy = recordedBy
            checkIn.enteredByRole = Role.reception.rawValue
            checkIn.soreness = soreness(session: number)
            checkIn.sorenessHoursAfter = checkIn.soreness > 0 ? 4 : nil
            checkIn.tiredness = tiredness(session: number)
            checkIn.neededSleep = false
            checkIn.bruising = false
            checkIn.breathlessness = false
            checkIn.other = ""
            let serious = hasIncident(patient: index) && number == 0
            checkIn.markedSerious = serious
            checkIn.serious = serious
            rows.checkIns.append(checkIn)
            if serious {
                rows.incidents.append(IncidentModel(
                    clinicID: clinicID, patientID: patientID, sessionID: session.id!, kind: .seriousAfterEffect,
                    detail: "Generated history: marked serious at the check-in", occurredAt: checkIn.enteredAt, reportedBy: recordedBy))
            }
        }
        let interim = regimen.reviewAfter[0]
        let timepoints: [(MeasureTimepoint, Int, Date)] = [
            (.baseline, outcome.baseline, starts[0].addingTimeInterval(-600)),
            (.review, painBefore(session: interim, of: sessions, outcome: outcome), starts[interim - 1].addingTimeInterval(40 * 60)),
            (.followUp, outcome.end, starts[sessions - 1].addingTimeInterval(40 * 60)),
        ]
        var measureModels: [OutcomeMeasureModel] = []
        for (timepoint, pain, at) in timepoints {
            let gained = outcome.baseline - pain
            let measures = OutcomeMeasures(
                painNow: pain, painAverageWeek: pain, painWorst: min(10, pain + 2),
                function: [FunctionActivity(activity: "bending forward", score: min(10, 3 + gained)),
                           FunctionActivity(activity: "sitting for an hour", score: min(10, 4 + gained))],
                fingertipToFloorCm: Double(max(0, 28 - 4 * gained)), schoberCm: 3 + 0.5 * Double(gained), swellingGrade: gained >= 2 ? 0 : 1)
            let model = OutcomeMeasureModel(
                NewMeasure(clinicID: clinicID, courseID: course.id!, timepoint: timepoint, takenAt: at, recordedByUserID: recordedBy, measures: measures),
                patientID: patientID)
            model.id = UUID()
            model.functionJSON = try? SessionCoding.encode(measures.function)
            rows.measures.append(model)
            measureModels.append(model)
        }
        let measureIDs = measureModels.map { $0.id! }
        course.keepBaseline(measureModels[0])
        course.keepLatest(measureModels[2])
        rows.courses.append(course)
        for (measure, afterSession) in [(1, interim), (2, sessions)] {
            let current = OutcomeMeasures(painAverageWeek: timepoints[measure].1)
            guard let review = try? CourseReview.review(
                baseline: OutcomeMeasures(painAverageWeek: outcome.baseline), current: current, afterSession: afterSession, regimen: regimen)
            else { continue }
            let model = CourseReviewModel()
            model.id = UUID()
            model.clinicID = clinicID
            model.$course.id = course.id!
            model.afterSession = afterSession
            model.isFinal = review.isFinal
            model.baselineMeasureID = measureIDs[0]
            model.measureID = measureIDs[measure]
            model.scale = review.change.scale.rawValue
            model.baselinePain = review.change.baseline
            model.currentPain = review.change.current
            model.category = review.category.rawValue
            model.recommendation = review.recommendation.rawValue
            model.note = ""
            model.reviewedByUserID = recordedBy
            model.reviewedAt = timepoints[measure].2.addingTimeInterval(300)
            rows.reviews.append(model)
            let screen = RedFlagScreenModel()
            screen.clinicID = clinicID
            screen.$patient.id = patientID
            screen.flags = ""
            screen.source = .review
            screen.sourceID = model.id
            screen.screenedAt = model.reviewedAt
            screen.screenedBy = recordedBy
            rows.screens.append(screen)
        }
    }

    /// Pain falls in a straight line from the baseline to the end of the course.
    public static func painBefore(session number: Int, of sessions: Int, outcome: Outcome) -> Int {
        let share = Double(number) / Double(max(1, sessions - 1))
        return Int((Double(outcome.baseline) + Double(outcome.end - outcome.baseline) * share).rounded())
    }

    /// Every planned needle in, 15 seconds apart, at the plan's depth (15 mm at most); all out and
    /// counted when the retention is over. Returns when the last needle went in.
    static func addLedger(to rows: inout Rows, sessionID: UUID, plan: TreatmentPlan, from start: Date, by user: UUID) -> Date {
        var events: [NeedleEvent] = plan.needles.enumerated().map { number, needle in
            .inserted(Insertion(
                key: NeedleKey(point: needle.point, side: needle.side, site: needle.site), at: start.addingTimeInterval(Double(number) * 15),
                depthMm: min(needle.maxDepthMm, 15), needleType: "0.25 × 40 mm, stainless steel", stimulation: .manual, deQi: true))
        }
        let lastIn = start.addingTimeInterval(Double(max(0, plan.needles.count - 1)) * 15)
        events.append(.removedAll(count: plan.needles.count, at: lastIn.addingTimeInterval(Double(plan.retentionMinutes * 60))))
        for (sequence, event) in events.enumerated() {
            let model = NeedleEventModel()
            model.$session.id = sessionID
            model.sequence = sequence
            model.at = event.at
            model.kind = event.kind
            model.recordedBy = user
            model.eventJSON = (try? SessionCoding.encode(event)) ?? "{}"
            rows.needleEvents.append(model)
        }
        return lastIn
    }
}
