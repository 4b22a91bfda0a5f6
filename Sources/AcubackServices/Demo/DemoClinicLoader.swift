import AcubackCore
import AcubackStore
import Foundation

/// Makes the demo clinic through the same use cases that the pages, the API and the commands call,
/// with a clock moved through the weeks before today for its history: nothing can exist in the
/// demo that a clinic cannot make itself. The figures (`DemoClinic`, `CourseHistory`) stay in the store.
public struct DemoClinicLoader: Sendable {
    public let store: AcubackDatabase
    public let hashPassword: @Sendable (String) -> String
    public let today: Date
    public let clock: DemoClock
    public let services: AppServices

    public init(store: AcubackDatabase, today: Date = Date(), hashPassword: @escaping @Sendable (String) -> String) {
        self.store = store
        self.today = today
        self.hashPassword = hashPassword
        let clock = DemoClock(today)
        self.clock = clock
        var services = AppServices(database: store, publicAddress: PublicAddress(configured: nil, fallback: "http://127.0.0.1:8080"))
        services.now = { clock.now }
        self.services = services
    }

    public var zone: TimeZone { TimeZone(identifier: DemoClinic.timeZone)! }

    /// Loads the demo clinic. A database that already holds the demo is left as it is; one that
    /// holds any other clinic data is refused and left untouched.
    public func load() async throws -> DemoClinic.LoadOutcome {
        let accounts = services.accountStore
        if try await accounts.clinics().contains(where: { $0.slug == DemoClinic.slug }) { return .alreadyLoaded }
        guard try await accounts.clinics().isEmpty, try await accounts.users(clinicID: nil, limit: 1).total == 0 else {
            throw StoreError.databaseHoldsData(location: store.location.description)
        }
        let staff = try await makeClinicAndStaff()
        var patients: [(seed: DemoClinic.PatientSeed, record: PatientRecord, actor: Actor?)] = []
        for seed in DemoClinic.patients {
            patients.append(try await register(seed, staff: staff))
        }
        for (index, patient) in patients.enumerated() {
            try await firstConsultationAndCourse(index: index, patient: patient.record, seed: patient.seed, staff: staff)
        }
        try await bookTheWeek(patients: patients.map(\.record), staff: staff)
        return .loaded
    }

    public struct Staff {
        let clinicID: UUID
        let admin: Actor
        let reception: Actor
        /// The practitioners with a valid certificate first, then the one whose certificate expired.
        let practitioners: [Actor]
        /// The demo password, hashed once (bcrypt is slow on purpose).
        let passwordHash: String
    }

    /// The clinic with its first admin (as `acuback user create-admin` makes it), its rooms, the
    /// reception account, and the practitioners with their certificates.
    public func makeClinicAndStaff() async throws -> Staff {
        clock.set(historyStart.addingTimeInterval(-14 * 86_400))
        let accounts = services.accountStore
        let clinic = try await accounts.createClinic(name: DemoClinic.name, slug: DemoClinic.slug, timeZone: DemoClinic.timeZone)
        let hash = hashPassword(DemoClinic.password)
        // The staff get the demo password rather than an invitation, so anyone can sign in as them.
        // The admin is made as `user create-admin` makes one; the admin makes the others.
        func account(_ email: String, _ name: String, _ role: Role, by creator: Actor?) async throws -> UserRecord {
            let audit = creator.map { services.entry(.userCreate, by: $0, clinicID: clinic.id, recordType: .user, from: nil) }
                ?? services.commandLineEntry(.userCreate, clinicID: clinic.id, recordType: .user)
            return try await accounts.createUser(
                clinicID: clinic.id, email: email, displayName: name, role: role, passwordHash: hash, audit: audit, at: clock.now)
        }
        let adminLogin = DemoClinic.logins.first { $0.role == .admin }!
        let adminUser = try await account(adminLogin.email, adminLogin.name, .admin, by: nil)
        let admin = Actor(userID: adminUser.id, role: .admin, clinicID: clinic.id, displayName: adminUser.displayName)
        let clinics = ClinicStore(store)
        // Through the admin's own use cases, as a clinic starting from `user create-admin` would.
        let settingsService = ClinicSettingsService(services: services)
        var settings = try await services.clinic.settings(clinicID: clinic.id)
        settings.contact = ClinicContact(name: DemoClinic.name, address: "4 Riverside Walk\nYork YO1 9AA", phone: "01904 555 0100")
        try await settingsService.save(settings, by: admin, from: nil)
        for room in DemoClinic.rooms { _ = try await settingsService.addRoom(named: room, by: admin, from: nil) }
        let receptionLogin = DemoClinic.logins.first { $0.role == .reception }!
        let receptionUser = try await account(receptionLogin.email, receptionLogin.name, .reception, by: admin)
        let reception = Actor(userID: receptionUser.id, role: .reception, clinicID: clinic.id, displayName: receptionUser.displayName)
        var practitioners: [Actor] = []
        for seed in DemoClinic.practitioners {
            let user = try await account(seed.email, seed.name, .practitioner, by: admin)
            let practitioner = try await services.practitioners.create(
                .init(
                    name: seed.name, profession: seed.profession, biography: seed.biography, practisingSince: seed.practisingSince,
                    userID: user.id),
                by: admin, from: nil)
            // The seed's certificate keeps who verified it and when, which the admin's form would not.
            _ = try await clinics.addCertificate(
                practitionerID: practitioner.id, seed.certificate,
                audit: services.entry(.certificateAdd, by: admin, clinicID: clinic.id, recordType: .certificate, from: nil), at: clock.now)
            practitioners.append(Actor(
                userID: user.id, role: .practitioner, clinicID: clinic.id, practitionerID: practitioner.id, displayName: seed.name))
        }
        return Staff(clinicID: clinic.id, admin: admin, reception: reception, practitioners: practitioners, passwordHash: hash)
    }

    /// A patient with a login registers online; the others are registered at the desk.
    public func register(_ seed: DemoClinic.PatientSeed, staff: Staff) async throws -> (seed: DemoClinic.PatientSeed, record: PatientRecord, actor: Actor?) {
        if seed.hasLogin, let email = seed.email {
            let user = try await services.accountStore.registerPatient(
                clinicID: staff.clinicID, email: email, givenName: seed.givenName, familyName: seed.familyName,
                birthDate: CalendarDay(seed.birthDate)!, passwordHash: staff.passwordHash,
                audit: services.accounts.registrationEntry(clinicID: staff.clinicID, from: nil), at: clock.now)
            let record = try await services.patientStore.patients(clinicID: staff.clinicID, matching: email).items.first!
            return (seed, record, Actor(userID: user.id, role: .patient, clinicID: staff.clinicID, patientID: record.id, displayName: user.displayName))
        }
        let record = try await services.patients.create(
            .init(givenName: seed.givenName, familyName: seed.familyName, birthDate: seed.birthDate, email: seed.email, phone: nil),
            by: staff.reception, from: nil)
        return (seed, record, nil)
    }

    /// The history begins on a Monday far enough back for every course to finish before today.
    public var historyStart: Date {
        CourseHistory.blockStart(1, today: today, zone: zone).start(in: zone).addingTimeInterval(8 * 3600)
    }
}
