import AcubackCore
import AcubackStore
import Foundation

/// A de-identified research dataset of one clinic as CSV files with a data dictionary: no
/// names, contact details or free text; pseudonymous patients, practitioners and courses; each
/// patient's dates moved by their own random number of days (`Deidentification`).
public struct ResearchExport: Sendable {
    public let database: AcubackDatabase

    public init(database: AcubackDatabase) {
        self.database = database
    }

    public struct Result: Sendable, Equatable {
        public let rows: [String: Int]
    }

    public func write(clinicID: UUID, to directory: URL, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Result {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let zone = try await ClinicStore(database).settings(clinicID: clinicID).zone
        var patients: [PatientRecord] = []
        let store = PatientStore(database)
        let total = try await store.patients(clinicID: clinicID, limit: 1).total
        while patients.count < total {
            let page = try await store.patients(clinicID: clinicID, limit: 500, offset: patients.count).items
            if page.isEmpty { break }
            patients += page
        }
        var generator = SystemRandomNumberGenerator()
        let people = Deidentification.random(for: patients.map(\.id), using: &generator)
        let practitioners = try await ClinicStore(database).practitioners(clinicID: clinicID)
        let staff = Deidentification.random(for: practitioners.map(\.id), prefix: "T", using: &generator)
        var tables = Tables()
        var courseNumber = 0
        // In pseudonym order, so course numbers say nothing about names or registration either.
        for (index, patient) in patients.sorted(by: { people.pseudonym($0.id) < people.pseudonym($1.id) }).enumerated() {
            courseNumber = try await add(patient, people: people, staff: staff, zone: zone, courseNumber: courseNumber, to: &tables)
            if (index + 1) % 100 == 0 || index + 1 == patients.count { progress(index + 1, patients.count) }
        }
        for (name, header, rows) in tables.files {
            try Data(CSV.table(header: header, rows: rows).utf8).write(to: directory.appendingPathComponent(name))
        }
        try Data(CSV.table(header: ["file", "column", "meaning"], rows: ResearchDictionary.rows).utf8)
            .write(to: directory.appendingPathComponent("data-dictionary.csv"))
        return Result(rows: Dictionary(uniqueKeysWithValues: tables.files.map { ($0.0, $0.2.count) }))
    }

    public struct Tables {
        var patients: [[String]] = []
        var courses: [[String]] = []
        var sessions: [[String]] = []
        var measures: [[String]] = []

        var files: [(String, [String], [[String]])] {
            [("patients.csv", ResearchDictionary.columns("patients.csv"), patients.sorted { $0[0] < $1[0] }),
             ("courses.csv", ResearchDictionary.columns("courses.csv"), courses.sorted { $0[0] < $1[0] }),
             ("sessions.csv", ResearchDictionary.columns("sessions.csv"), sessions.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }),
             ("measures.csv", ResearchDictionary.columns("measures.csv"), measures.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })]
        }
    }

    private func add(
        _ patient: PatientRecord, people: Deidentification, staff: Deidentification, zone: TimeZone, courseNumber start: Int, to tables: inout Tables
    ) async throws -> Int {
        let pid = people.pseudonym(patient.id)
        let outcomes = OutcomeStore(database)
        let sessionStore = TreatmentSessionStore(database)
        let courses = try await outcomes.courses(patientID: patient.id).filter { $0.kind == .treatment }.reversed()
        let sessions = try await sessionStore.sessions(clinicID: patient.clinicID, patientID: patient.id, limit: 10_000).reversed()
        let risks = try await PatientStore(database).clinical(patientID: patient.id)?.risks ?? .none
        let firstSeen = sessions.first?.startedAt ?? courses.first?.createdAt ?? Date()
        func flag(_ value: Bool) -> String { value ? "1" : "0" }
        tables.patients.append([
            pid, Deidentification.age(birthDate: patient.birthDate, at: firstSeen, in: zone), flag(risks.isPregnant), flag(risks.anticoagulants),
            flag(risks.bleedingDisorder != .none), flag(risks.implantedDevice), flag(risks.lungDisease), flag(risks.faintingHistory),
            flag(risks.needlePhobia),
        ])
        var number = start
        var courseNames: [UUID: String] = [:]
        let settings = try await outcomes.settings(clinicID: patient.clinicID)
        for course in courses {
            number += 1
            let name = "C" + String(format: "%05d", number)
            courseNames[course.id] = name
            guard let progress = try await outcomes.progress(courseID: course.id) else { continue }
            let change = progress.baseline.flatMap { baseline in progress.latestWithPain.flatMap { PainChange.between(baseline: baseline.measures, current: $0.measures) } }
            tables.courses.append([
                name, pid, staff.pseudonym(course.practitionerID), course.regimen.origin.rawValue, "\(course.regimen.sessions)", "\(progress.sessionsDone)",
                course.region ?? "", course.protocolName ?? "", people.date(course.createdAt, of: patient.id, in: zone),
                course.extendsCourseID.flatMap { courseNames[$0] } ?? "",
                change.map { "\($0.baseline)" } ?? "", change.map { "\($0.current)" } ?? "", change?.scale.rawValue ?? "",
                change.map { CourseReview.categorize($0, settings: settings).rawValue } ?? "",
            ])
            let baselineDay = progress.baseline.map { CalendarDay($0.takenAt, in: zone) }
            for measure in progress.measures where measure.courseID == course.id {
                let m = measure.measures
                let day = baselineDay.map { String(CalendarDay(measure.takenAt, in: zone).days(since: $0)) } ?? ""
                tables.measures.append([
                    name, people.date(measure.takenAt, of: patient.id, in: zone), day, measure.timepoint.rawValue,
                    m.painNow.map(String.init) ?? "", m.painAverageWeek.map(String.init) ?? "", m.painWorst.map(String.init) ?? "",
                    m.functionScore.map { String(format: "%.2f", $0) } ?? "", m.fingertipToFloorCm.map { String($0) } ?? "",
                    m.schoberCm.map { String($0) } ?? "", m.swellingGrade.map(String.init) ?? "", m.rolandMorris.map(String.init) ?? "",
                    m.oswestry.map(String.init) ?? "",
                ])
            }
        }
        let courseOf = Dictionary(uniqueKeysWithValues: try await BookingStore(database).appointments(
            clinicID: patient.clinicID, from: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: 4_102_444_800), patientID: patient.id,
            includeCancelled: true, limit: 10_000).map { ($0.id, $0.courseID) })
        for (index, session) in sessions.enumerated() {
            let needling = StrictaNeedling(session: session.chair)
            let effects = try await sessionStore.checkIn(sessionID: session.id)?.checkIn
            tables.sessions.append([
                pid, String(format: "%04d", index + 1), (courseOf[session.appointmentID] ?? nil).flatMap { courseNames[$0] } ?? "",
                staff.pseudonym(session.practitionerID), people.date(session.startedAt, of: patient.id, in: zone), session.position.rawValue,
                "\(session.painBefore)", session.closing.map { "\($0.painAfter)" } ?? "", "\(needling.insertions)",
                "\(session.chair.ledger.lostCount)", needling.retentionMinutes.map(String.init) ?? "",
                "\(session.chair.ledger.insertions.filter(\.deQi).count)",
                effects.map { "\($0.soreness)" } ?? "", effects.map { flag($0.tiredness) } ?? "", effects.map { flag($0.neededSleep) } ?? "",
                effects.map { flag($0.bruising) } ?? "", effects.map { flag($0.breathlessness) } ?? "", effects.map { flag($0.isSerious) } ?? "",
            ])
        }
        return number
    }
}

/// Every column of the research files and what it holds; the files are written in this order.
public enum ResearchDictionary {
    public static let entries: [(file: String, column: String, meaning: String)] = [
        ("patients.csv", "patient", "Pseudonym, new with every export (P0001…); not the clinic's id"),
        ("patients.csv", "age_years", "Whole years at the first session (or the first course); 90+ for 90 and over"),
        ("patients.csv", "pregnant", "1 when pregnant at the intake, else 0"),
        ("patients.csv", "anticoagulants", "1 when taking anticoagulants"),
        ("patients.csv", "bleeding_disorder", "1 with a bleeding disorder of any severity"),
        ("patients.csv", "implanted_device", "1 with a pacemaker or implanted device"),
        ("patients.csv", "lung_disease", "1 with chronic lung disease"),
        ("patients.csv", "fainting_history", "1 with a history of fainting"),
        ("patients.csv", "needle_phobia", "1 with needle phobia"),
        ("courses.csv", "course", "Pseudonym of the course (C00001…)"),
        ("courses.csv", "patient", "The patient's pseudonym (patients.csv)"),
        ("courses.csv", "practitioner", "Pseudonym of the practitioner (T0001…)"),
        ("courses.csv", "regimen", "gerac, cherkin2009, brinkhaus2006 or clinic"),
        ("courses.csv", "planned_sessions", "Sessions in the regimen"),
        ("courses.csv", "sessions_held", "Closed sessions so far"),
        ("courses.csv", "region", "Painful regions when the course was made: upper, middle, lower"),
        ("courses.csv", "protocol", "The plan's protocol (Brinkhaus 2006, Cherkin 2009, level-built)"),
        ("courses.csv", "booked_on", "Date the course was booked, moved by the patient's shift"),
        ("courses.csv", "extends_course", "For five extra sessions after a partial response: the course extended"),
        ("courses.csv", "baseline_pain", "Pain 0–10 at the baseline on the scale of pain_scale"),
        ("courses.csv", "latest_pain", "Pain 0–10 at the newest measure after the baseline, same scale"),
        ("courses.csv", "pain_scale", "average-week (average over the last week) or now"),
        ("courses.csv", "response", "responder (≥ the clinic's important difference), partial (≥ 10 % less), non-responder"),
        ("sessions.csv", "patient", "The patient's pseudonym"),
        ("sessions.csv", "session", "The patient's sessions numbered in time order"),
        ("sessions.csv", "course", "The course the session belongs to, if any"),
        ("sessions.csv", "practitioner", "Pseudonym of the practitioner"),
        ("sessions.csv", "date", "Date of the session, moved by the patient's shift"),
        ("sessions.csv", "position", "prone, seated or sideLying"),
        ("sessions.csv", "pain_before", "Pain 0–10 before needling"),
        ("sessions.csv", "pain_after", "Pain 0–10 at the end; empty while open"),
        ("sessions.csv", "needles_inserted", "Needle insertions in the ledger"),
        ("sessions.csv", "needles_lost", "Needles not found at the end"),
        ("sessions.csv", "retention_minutes", "From the retention timer's start to the first needle out"),
        ("sessions.csv", "de_qi_insertions", "Insertions with de qi obtained"),
        ("sessions.csv", "soreness", "Check-in: soreness 0–10; empty without a check-in"),
        ("sessions.csv", "tiredness", "Check-in: 1 when tired"),
        ("sessions.csv", "needed_sleep", "Check-in: 1 when the patient needed to sleep"),
        ("sessions.csv", "bruising", "Check-in: 1 with bruising"),
        ("sessions.csv", "breathlessness", "Check-in: 1 with breathlessness"),
        ("sessions.csv", "serious", "Check-in flagged serious"),
        ("measures.csv", "course", "The course's pseudonym"),
        ("measures.csv", "date", "Date taken, moved by the patient's shift"),
        ("measures.csv", "day_of_course", "Days since the baseline (not moved)"),
        ("measures.csv", "timepoint", "baseline, session, review or follow-up"),
        ("measures.csv", "pain_now", "Pain now, 0–10 numeric rating scale"),
        ("measures.csv", "pain_average_week", "Average pain over the last week, 0–10"),
        ("measures.csv", "pain_worst", "Worst pain over the last week, 0–10"),
        ("measures.csv", "function_score", "Patient-Specific Functional Scale: mean of up to five activities, 0–10, higher is better"),
        ("measures.csv", "fingertip_floor_cm", "Fingertip-to-floor distance bending forward, cm; smaller is better"),
        ("measures.csv", "schober_cm", "Modified Schober lengthening, cm; larger is better"),
        ("measures.csv", "swelling_grade", "Swelling at the site, 0 none to 3 marked"),
        ("measures.csv", "roland_morris", "Roland-Morris total 0–24, when the clinic uses it"),
        ("measures.csv", "oswestry", "Oswestry total 0–100, when the clinic uses it"),
    ]

    public static func columns(_ file: String) -> [String] { entries.filter { $0.file == file }.map(\.column) }

    public static var rows: [[String]] {
        entries.map { [$0.file, $0.column, $0.meaning] } + [
            ["all files", "dates", "Every date of one patient is moved by the same random number of days (1 to \(Deidentification.maximumShift), earlier or later), new with every export"],
        ]
    }
}
