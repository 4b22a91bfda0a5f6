import AcubackCore
import FluentKit
import Foundation
import SQLKit

extension DemoClinic {
    public enum LoadOutcome: Sendable, Equatable {
        case loaded
        case alreadyLoaded
    }

    /// Loads the demo clinic in one transaction. A database that already holds the demo is left as
    /// it is; one that holds any other clinic data is refused and left untouched.
    public static func load(
        into store: AcubackDatabase, today: Date = Date(), hashPassword: @Sendable (String) -> String
    ) async throws -> LoadOutcome {
        let db = try store.fluent
        if try await ClinicModel.query(on: db).filter(\.$slug == slug).first() != nil {
            return .alreadyLoaded
        }
        let clinics = try await ClinicModel.query(on: db).count()
        let users = try await UserModel.query(on: db).count()
        guard clinics == 0, users == 0 else {
            throw StoreError.databaseHoldsData(location: store.location.description)
        }
        let passwordHash = hashPassword(password)
        try await db.transaction { db in
            try await insert(on: db, today: today, passwordHash: passwordHash)
        }
        return .loaded
    }

    private static func insert(on db: any Database, today: Date, passwordHash: String) async throws {
        let clinic = ClinicModel(name: name, slug: slug, timeZone: timeZone)
        try await clinic.create(on: db)
        let clinicID = try clinic.requireID()

        var roomIDs: [UUID] = []
        for roomName in rooms {
            let room = RoomModel(clinicID: clinicID, name: roomName)
            try await room.create(on: db)
            roomIDs.append(try room.requireID())
        }

        for login in logins where login.role == .admin || login.role == .reception {
            try await UserModel(
                clinicID: clinicID, email: login.email, displayName: login.name,
                role: login.role.rawValue, passwordHash: passwordHash
            ).create(on: db)
        }

        var practitionerIDs: [UUID] = []
        var practitionerUsers: [UUID] = []
        for seed in practitioners {
            let user = UserModel(
                clinicID: clinicID, email: seed.email, displayName: seed.name,
                role: Role.practitioner.rawValue, passwordHash: passwordHash)
            try await user.create(on: db)
            practitionerUsers.append(try user.requireID())
            let practitioner = PractitionerModel(
                clinicID: clinicID, userID: try user.requireID(), displayName: seed.name,
                profession: seed.profession, biography: seed.biography, practisingSince: seed.practisingSince)
            try await practitioner.create(on: db)
            try await CertificateModel(practitionerID: try practitioner.requireID(), seed.certificate).create(on: db)
            practitionerIDs.append(try practitioner.requireID())
        }

        var patientIDs: [UUID] = []
        var history = CourseHistory.Rows()
        for (index, seed) in patients.enumerated() {
            var userID: UUID?
            if seed.hasLogin, let email = seed.email {
                let user = UserModel(
                    clinicID: clinicID, email: email, displayName: "\(seed.givenName) \(seed.familyName)",
                    role: Role.patient.rawValue, passwordHash: passwordHash)
                try await user.create(on: db)
                userID = try user.requireID()
            }
            let patient = PatientModel(
                clinicID: clinicID, userID: userID, givenName: seed.givenName, familyName: seed.familyName,
                birthDate: seed.birthDate, email: seed.email, phone: nil, risks: seed.assessment.patient)
            try await patient.create(on: db)
            let patientID = try patient.requireID()
            patientIDs.append(patientID)
            try await AssessmentModel(
                patientID: patientID, practitionerID: practitionerIDs[index % 2], recordedAt: today,
                assessment: seed.assessment, complaint: seed.complaint
            ).create(on: db)
            let consent = ConsentModel()
            consent.$patient.id = patientID
            consent.version = ConsentText.defaultVersion
            consent.givenAt = today
            consent.method = .desk
            consent.signedName = "\(seed.givenName) \(seed.familyName)"
            try await consent.create(on: db)
            // The practitioner has read and acknowledged the plan's warnings; a plan a rule blocks is not saved.
            let engine = PrescriptionEngine()
            let proposed = try engine.plan(for: seed.assessment)
            let plan = try engine.plan(for: seed.assessment, acknowledged: proposed.pendingAcknowledgements)
            if plan.isUsable {
                let practitionerID = practitionerIDs[index % 2]
                let planModel = TreatmentPlanModel(
                    patientID: patientID, practitionerID: practitionerID, plan: plan, digest: try await PlanDocuments.store(plan, on: db), at: today)
                try await planModel.create(on: db)
                // A finished course in the weeks before, so the charts and the outcomes page have something to show.
                CourseHistory.add(
                    to: &history, index: index, slot: index / 2, clinicID: clinicID, patientID: patientID, practitionerID: practitionerID,
                    recordedBy: practitionerUsers[index % 2], plan: planModel, protocolName: plan.protocolName,
                    region: seed.assessment.regions.map(\.rawValue).joined(separator: " + "), today: today, zone: TimeZone(identifier: timeZone)!,
                    ledgerOf: plan)
            }
        }
        try await history.create(on: db)
        try await PatientTallies.rebuild(clinicID: clinicID, on: db as! any SQLDatabase)

        for booking in DemoSchedule.week(from: today, timeZone: TimeZone(identifier: timeZone)!, patients: patientIDs.count) {
            let appointment = AppointmentModel(
                clinicID: clinicID, patientID: patientIDs[booking.patient],
                practitionerID: practitionerIDs[booking.practitioner], roomID: roomIDs[booking.practitioner],
                kind: booking.kind, status: booking.start.addingTimeInterval(Double(booking.kind.defaultMinutes * 60)) < today
                    ? .completed : .booked,
                startsAt: booking.start, minutes: booking.kind.defaultMinutes)
            try await appointment.create(on: db)
            try await appointment.holdSlots(on: db)
        }
    }
}

/// The demo's week of bookings: the two practitioners with valid certificates see patients
/// Monday to Friday, within the clinic's standard hours; each patient's first visit is a consultation.
enum DemoSchedule {
    struct Booking {
        let start: Date
        let practitioner: Int
        let patient: Int
        let kind: AppointmentKind
    }

    static let startTimes: [[(hour: Int, minute: Int)]] = [
        [(9, 0), (10, 0), (11, 0), (14, 0), (15, 0)],
        [(9, 30), (10, 30), (13, 30), (14, 30), (16, 0)],
    ]

    static func week(from today: Date, timeZone: TimeZone, patients: Int) -> [Booking] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let first = CalendarDay(today, in: timeZone)
        var bookings: [Booking] = []
        var seen = Set<Int>()
        var visit = 0
        for offset in 0..<7 {
            let day = first.adding(days: offset)
            guard day.isoWeekday <= 5 else { continue }
            for (practitioner, times) in startTimes.enumerated() {
                for (slot, time) in times.enumerated() where (slot + offset) % 2 == 0 || slot == 0 {
                    let patient = visit % patients
                    visit += 1
                    let kind: AppointmentKind = seen.insert(patient).inserted
                        ? .consultation : (visit % 6 == 0 ? .review : .treatment)
                    let start = calendar.date(from: DateComponents(
                        year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute))!
                    bookings.append(Booking(start: start, practitioner: practitioner, patient: patient, kind: kind))
                }
            }
        }
        return bookings
    }
}
