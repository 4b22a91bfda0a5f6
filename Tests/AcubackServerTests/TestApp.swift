import AcubackCore
import AcubackStore
import AcubackTestSupport
import FluentKit
import Foundation
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Logging
import Prometheus
import Synchronization
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// A test application over a fresh SQLite file holding the demo clinic, a second clinic with a
/// patient of its own, and a browser session for each role.
struct TestWorld: Sendable {
    let store: AcubackDatabase
    let clinic: ClinicRecord
    let otherClinic: ClinicRecord
    /// A demo patient with a login (Margaret Hughes) and another demo patient.
    let ownPatientID: UUID
    let otherPatientID: UUID
    let otherClinicPatientID: UUID
    /// The demo practitioner whose certificate expired; disabling and enabling her harms no test.
    let hannahID: UUID
    /// The signed-in practitioner's own practitioner record.
    var practitionerID: UUID { sessions[.practitioner]!.actor.practitionerID! }
    let sessions: [Role: Credentials]
    /// An open treatment session of the signed-in practitioner with the signed-in patient, and
    /// one of a colleague with another patient.
    let sessionID: UUID
    let colleagueSessionID: UUID
    /// The demo's finished course of the signed-in patient, and one of another patient.
    let courseID: UUID
    let otherCourseID: UUID

    struct Credentials: Sendable {
        let cookie: String
        let csrf: String
        let actor: Actor
        let email: String
    }

    func headers(_ role: Role?) -> HTTPFields {
        guard let role, let credentials = sessions[role] else { return [:] }
        return [.cookie: "\(AuthCookie.session)=\(credentials.cookie)"]
    }

    func csrf(_ role: Role) -> String { sessions[role]!.csrf }

    static func make(store: AcubackDatabase) async throws -> TestWorld {
        _ = try await DemoClinicLoader(store: store, hashPassword: DemoTemplate.hash).load()
        let accounts = AccountStore(store)
        let clinic = try #require(try await accounts.clinics().first { $0.slug == DemoClinic.slug })
        let other = try await accounts.createClinic(name: "Other clinic", slug: "other", timeZone: "Europe/Berlin")
        let otherPatient = try await accounts.registerPatient(
            clinicID: other.id, email: "stranger@other.example", givenName: "Sam", familyName: "Stranger",
            birthDate: CalendarDay("1970-01-01")!, passwordHash: Bcrypt.hash("stranger-password", cost: 4))
        let otherPatientID = try #require(try await accounts.actor(for: otherPatient).patientID)
        var sessions: [Role: Credentials] = [:]
        for role in Role.allCases {
            let login = try #require(DemoClinic.logins.first { $0.role == role })
            let user = try #require(try await accounts.user(email: login.email))
            let token = SecureToken.make()
            let csrf = SecureToken.make()
            _ = try await accounts.createSession(userID: user.id, tokenHash: SecureToken.hash(token), csrfToken: csrf, now: Date())
            sessions[role] = Credentials(cookie: token, csrf: csrf, actor: try await accounts.actor(for: user), email: user.email)
        }
        let patients = try await PatientStore(store).patients(clinicID: clinic.id).items
        let own = try #require(sessions[.patient]?.actor.patientID)
        let another = try #require(patients.first { $0.id != own }).id
        let hannah = try #require(try await accounts.user(email: "hannah.okafor@demo.acuback.example"))
        let practitionerID = try #require(sessions[.practitioner]?.actor.practitionerID)
        let colleague = try #require(try await ClinicStore(store).practitioners(clinicID: clinic.id).first {
            $0.id != practitionerID && $0.name != "Hannah Okafor"
        })
        let session = try await startSession(store, clinicID: clinic.id, practitionerID: practitionerID, patientID: own, day: 0)
        let colleagueSession = try await startSession(store, clinicID: clinic.id, practitionerID: colleague.id, patientID: another, day: 1)
        let outcomes = OutcomeStore(store)
        let course = try #require(try await outcomes.courses(patientID: own).first)
        var otherCourse: CourseRecord?
        for patient in patients where patient.id != own && otherCourse == nil {
            otherCourse = try await outcomes.courses(patientID: patient.id).first
        }
        return TestWorld(
            store: store, clinic: clinic, otherClinic: other, ownPatientID: own, otherPatientID: another,
            otherClinicPatientID: otherPatientID, hannahID: hannah.id, sessions: sessions, sessionID: session, colleagueSessionID: colleagueSession,
            courseID: course.id, otherCourseID: try #require(otherCourse).id)
    }

    /// Books a treatment far ahead (clear of the demo week), saves the patient a low-back plan and starts a session.
    static func startSession(
        _ store: AcubackDatabase, clinicID: UUID, practitionerID: UUID, patientID: UUID, day: Int, electroacupuncture: Bool = false
    ) async throws -> UUID {
        let start = Date(timeIntervalSince1970: 1_893_492_000 + Double(day) * 86_400)  // 2030-01-01 10:00 UTC onwards
        let (booked, _) = try await BookingStore(store).book(
            [NewAppointment(clinicID: clinicID, patientID: patientID, practitionerID: practitionerID, roomID: nil, kind: .treatment, start: start, minutes: 45)],
            reminder: { _, _ in nil })
        let sessions = TreatmentSessionStore(store)
        let plan = try PrescriptionEngine().plan(
            for: Assessment(regions: [.lower], side: .both, levels: [.L4, .L5], onset: .chronic, electroacupuncture: electroacupuncture))
        let saved = try await sessions.savePlan(plan, patientID: patientID, practitionerID: practitionerID, at: Date())
        return try await sessions.start(NewTreatmentSession(
            clinicID: clinicID, appointmentID: booked[0].id, patientID: patientID, practitionerID: practitionerID, plan: saved,
            position: .prone, painBefore: 5, startedAt: Date())).id
    }
}

/// Runs `body` with a test client of an application over a fresh SQLite file.
func withTestApp(
    migrated: Bool = true, _ body: @Sendable (any TestClientProtocol, AcubackDatabase) async throws -> Void
) async throws {
    try await withTestStore(migrated: migrated) { store in
        let configuration = AcubackConfiguration(port: 0)
        let app = try await buildApplication(
            configuration: configuration, services: configuration.services(over: store), logger: testLogger, backgroundWork: false)
        try await app.test(.router) { client in try await body(client, store) }
    }
}

/// Runs `body` with a test client and the seeded world of `TestWorld`, on SQLite unless told;
/// the application reads the time from `clock`.
func withTestWorld(
    _ backend: TestBackend = .sqlite, clock: TestClock = TestClock(),
    _ body: @Sendable (any TestClientProtocol, TestWorld) async throws -> Void
) async throws {
    try await withDemoDatabase(backend) { store in
        let world = try await TestWorld.make(store: store)
        let configuration = AcubackConfiguration(port: 0)
        let app = try await buildApplication(
            configuration: configuration, services: configuration.services(over: store, clock: { clock.now }), logger: testLogger,
            metrics: PrometheusCollectorRegistry(), backgroundWork: false)
        try await app.test(.router) { client in try await body(client, world) }
    }
}

/// A clock the test moves by hand; it starts at the real time.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date()) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(minutes: Double) { current.withLock { $0 = $0.addingTimeInterval(minutes * 60) } }
}

func withTestStore(migrated: Bool, _ body: (AcubackDatabase) async throws -> Void) async throws {
    try await withTestDatabase(.sqlite, migrated: migrated, body)
}

extension ByteBuffer {
    var text: String { String(buffer: self) }

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: self)) as? [String: Any])
    }
}

/// A URL-encoded form body.
func form(_ fields: [(String, String)]) -> ByteBuffer {
    ByteBuffer(string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Sends a JSON request as `role` and reads the answer's status and JSON body.
func send(
    _ client: some TestClientProtocol, _ world: TestWorld, _ role: Role, _ method: HTTPRequest.Method, _ uri: String, _ json: String? = nil
) async throws -> (HTTPResponse.Status, [String: Any]) {
    var headers = world.headers(role)
    if json != nil { headers[.contentType] = "application/json" }
    return try await client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response in
        (response.status, (try? response.body.json()) ?? [:])
    }
}

/// The demo clinic, made through the use cases, takes seconds to load: on SQLite it is loaded
/// once per test run and each test world starts from a copy of the file.
actor DemoTemplate {
    static let shared = DemoTemplate()
    private var loading: Task<URL, any Error>?

    // Cost 4 keeps the demo's bcrypt fast in tests; verification works at any cost.
    static let hash: @Sendable (String) -> String = { Bcrypt.hash($0, cost: 4) }

    func file() async throws -> URL {
        if let loading { return try await loading.value }
        let task = Task<URL, any Error> {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acuback-demo-template-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("demo.sqlite")
            try await AcubackDatabase.open(.sqlite(path: file.path), logger: testLogger).use { store in
                _ = try await DemoClinicLoader(store: store, hashPassword: Self.hash).load()
            }
            return file
        }
        loading = task
        return try await task.value
    }
}

/// A migrated database holding the demo clinic: a copy of the template on SQLite, a fresh load elsewhere.
func withDemoDatabase(_ backend: TestBackend, _ body: (AcubackDatabase) async throws -> Void) async throws {
    guard backend == .sqlite else {
        try await withTestDatabase(backend, migrated: true, body)
        return
    }
    let template = try await DemoTemplate.shared.file()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acuback-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("t.sqlite")
    for suffix in ["", "-wal", "-shm", ".audit-key"] {
        let source = URL(fileURLWithPath: template.path + suffix)
        if FileManager.default.fileExists(atPath: source.path) {
            try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: file.path + suffix))
        }
    }
    try await AcubackDatabase.open(.sqlite(path: file.path), logger: testLogger).use(body)
}
