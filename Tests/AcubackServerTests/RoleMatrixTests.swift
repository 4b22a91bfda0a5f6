import AcubackAPI
import AcubackCore
import AcubackTestSupport
import AcubackStore
import Foundation
import Hummingbird
import Prometheus
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// Walks every route of the application with every role (and nobody signed in) and checks the
/// answer against the access policy's intent. A route added without a row here fails the test.
@Suite struct RoleMatrixTests {
    enum Outcome: String, Sendable { case allowed, signIn, forbidden }

    struct Row: Sendable {
        let method: HTTPRequest.Method
        let route: String
        let uri: @Sendable (TestWorld) -> String
        var body: @Sendable (TestWorld, Role?) -> [(String, String)]? = { _, _ in nil }
        /// For nobody, patient, reception, practitioner, admin.
        let expected: [Outcome]
        var json = false
        var jsonBody: @Sendable (TestWorld) -> String = { _ in #"{"regions": ["lower"], "side": "both", "onset": "chronic"}"# }
    }

    static let A = Outcome.allowed
    static let S = Outcome.signIn
    static let F = Outcome.forbidden
    static let everyone: [Outcome] = [A, A, A, A, A]
    static let signedIn: [Outcome] = [S, A, A, A, A]
    static let adminOnly: [Outcome] = [S, F, F, F, A]
    /// Roles that treat at all (the page or endpoint opens), and the session's own practitioner only.
    static let treat: [Outcome] = [S, F, F, A, A]
    static let ownSession: [Outcome] = [S, F, F, A, F]

    static func fixed(_ path: String) -> @Sendable (TestWorld) -> String { { _ in path } }

    static let rows: [Row] = [
        Row(method: .get, route: "/", uri: fixed("/"), expected: everyone),
        Row(method: .get, route: "/learn/back-pain", uri: fixed("/learn/back-pain"), expected: everyone),
        Row(method: .get, route: "/login", uri: fixed("/login"), expected: everyone),
        Row(method: .get, route: "/register", uri: fixed("/register"), expected: everyone),
        Row(method: .get, route: "/password/forgot", uri: fixed("/password/forgot"), expected: everyone),
        Row(method: .get, route: "/password/reset", uri: fixed("/password/reset?token=x"), expected: everyone),
        Row(method: .get, route: "/plan", uri: fixed("/plan"), expected: [S, F, F, A, A]),
        Row(method: .get, route: "/patients", uri: fixed("/patients"), expected: [S, F, A, A, A]),
        Row(method: .get, route: "/patients/{id}", uri: { "/patients/\($0.ownPatientID)" }, expected: [S, A, A, A, A]),
        Row(method: .get, route: "/patients/{id}", uri: { "/patients/\($0.otherPatientID)" }, expected: [S, F, A, A, A]),
        Row(method: .get, route: "/patients/{id}", uri: { "/patients/\($0.otherClinicPatientID)" }, expected: [S, F, F, F, F]),
        Row(method: .get, route: "/me", uri: fixed("/me"), expected: [S, A, F, F, F]),
        Row(method: .get, route: "/account", uri: fixed("/account"), expected: signedIn),
        Row(method: .get, route: "/admin/users", uri: fixed("/admin/users"), expected: adminOnly),
        Row(method: .get, route: "/admin/audit", uri: fixed("/admin/audit"), expected: adminOnly),
        Row(method: .post, route: "/login", uri: fixed("/login"), body: { _, _ in [("email", "nobody@example.org"), ("password", "wrong password")] }, expected: everyone),
        Row(method: .post, route: "/register", uri: fixed("/register"), body: { _, _ in [("email", "bad")] }, expected: everyone),
        Row(method: .post, route: "/password/forgot", uri: fixed("/password/forgot"), body: { _, _ in [("email", "nobody@example.org")] }, expected: everyone),
        Row(method: .post, route: "/password/reset", uri: fixed("/password/reset"), body: { _, _ in [("token", "x"), ("password", "p"), ("confirmPassword", "p")] }, expected: everyone),
        Row(method: .post, route: "/account/tokens", uri: fixed("/account/tokens"), body: { _, _ in [("name", "matrix")] }, expected: signedIn),
        Row(method: .post, route: "/account/tokens/{id}/revoke", uri: { _ in "/account/tokens/\(UUID())/revoke" }, body: { _, _ in [] }, expected: signedIn),
        Row(method: .post, route: "/admin/users", uri: fixed("/admin/users"), body: { _, _ in [("email", "new\(UUID().uuidString.prefix(6))@example.org"), ("name", "New"), ("role", "reception")] }, expected: adminOnly),
        Row(method: .post, route: "/admin/users/{id}/disable", uri: { "/admin/users/\($0.hannahID)/disable" }, body: { _, _ in [] }, expected: adminOnly),
        Row(method: .post, route: "/admin/users/{id}/enable", uri: { "/admin/users/\($0.hannahID)/enable" }, body: { _, _ in [] }, expected: adminOnly),
        Row(method: .get, route: "/healthz", uri: fixed("/healthz"), expected: everyone, json: true),
        Row(method: .get, route: "/readyz", uri: fixed("/readyz"), expected: everyone, json: true),
        Row(method: .get, route: "/api/v1/openapi.yaml", uri: fixed("/api/v1/openapi.yaml"), expected: everyone, json: true),
        Row(method: .get, route: "/api/v1/points", uri: fixed("/api/v1/points"), expected: everyone, json: true),
        Row(method: .get, route: "/api/v1/points/{code}", uri: fixed("/api/v1/points/BL23"), expected: everyone, json: true),
        Row(method: .post, route: "/api/v1/plans/preview", uri: fixed("/api/v1/plans/preview"), expected: [S, F, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/me", uri: fixed("/api/v1/me"), expected: signedIn, json: true),
        Row(method: .get, route: "/api/v1/patients", uri: fixed("/api/v1/patients"), expected: [S, F, A, A, A], json: true),
        Row(method: .get, route: "/api/v1/patients/{patientId}", uri: { "/api/v1/patients/\($0.ownPatientID)" }, expected: [S, A, A, A, A], json: true),
        Row(method: .get, route: "/api/v1/patients/{patientId}", uri: { "/api/v1/patients/\($0.otherPatientID)" }, expected: [S, F, A, A, A], json: true),
        Row(method: .get, route: "/api/v1/patients/{patientId}", uri: { "/api/v1/patients/\($0.otherClinicPatientID)" }, expected: [S, F, F, F, F], json: true),
        Row(method: .get, route: "/api/v1/patients/{patientId}/clinical", uri: { "/api/v1/patients/\($0.ownPatientID)/clinical" }, expected: [S, A, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/patients/{patientId}/clinical", uri: { "/api/v1/patients/\($0.otherPatientID)/clinical" }, expected: [S, F, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/patients/{patientId}/clinical", uri: { "/api/v1/patients/\($0.otherClinicPatientID)/clinical" }, expected: [S, F, F, F, F], json: true),
        Row(method: .get, route: "/api/v1/practitioners", uri: fixed("/api/v1/practitioners"), expected: everyone, json: true),
        Row(method: .post, route: "/api/v1/practitioners/{practitionerId}/certificates", uri: { "/api/v1/practitioners/\($0.practitionerID)/certificates" },
            expected: adminOnly, json: true,
            jsonBody: { _ in #"{"issuingBody": "Matrix body", "number": "\#(UUID())", "validFrom": "2026-01-01", "validTo": "2027-01-01"}"# }),
        Row(method: .get, route: "/api/v1/availability", uri: fixed("/api/v1/availability?from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z"), expected: everyone, json: true),
        Row(method: .get, route: "/api/v1/appointments", uri: fixed("/api/v1/appointments?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z"), expected: signedIn, json: true),
        Row(method: .post, route: "/api/v1/appointments", uri: fixed("/api/v1/appointments"), expected: signedIn, json: true,
            jsonBody: { #"{"patientId": "\#($0.ownPatientID)", "kind": "consultation", "start": "2020-01-06T10:00:00Z"}"# }),
        Row(method: .post, route: "/api/v1/appointments/{appointmentId}/cancel", uri: { _ in "/api/v1/appointments/\(UUID())/cancel" }, expected: signedIn, json: true),
        Row(method: .post, route: "/api/v1/appointments/{appointmentId}/reschedule", uri: { _ in "/api/v1/appointments/\(UUID())/reschedule" },
            expected: signedIn, json: true, jsonBody: { _ in #"{"start": "2030-01-07T10:00:00Z"}"# }),
        Row(method: .post, route: "/api/v1/appointments/{appointmentId}/attendance", uri: { _ in "/api/v1/appointments/\(UUID())/attendance" },
            expected: [S, F, A, A, A], json: true, jsonBody: { _ in #"{"status": "arrived"}"# }),
        Row(method: .post, route: "/api/v1/courses/search", uri: fixed("/api/v1/courses/search"), expected: [S, F, A, A, A], json: true,
            jsonBody: { #"{"patientId": "\#($0.ownPatientID)", "sessions": 30, "perWeek": 1, "horizonWeeks": 2}"# }),
        Row(method: .post, route: "/api/v1/courses", uri: fixed("/api/v1/courses"), expected: [S, F, A, A, A], json: true,
            jsonBody: { #"{"patientId": "\#($0.ownPatientID)", "sessions": 30, "perWeek": 1, "horizonWeeks": 2}"# }),
        Row(method: .get, route: "/api/v1/courses/{courseId}", uri: { _ in "/api/v1/courses/\(UUID())" }, expected: signedIn, json: true),
        Row(method: .post, route: "/api/v1/patients", uri: fixed("/api/v1/patients"), expected: [S, F, A, A, A], json: true,
            jsonBody: { _ in #"{"givenName": "", "familyName": "X", "birthDate": "1990-01-01"}"# }),
        Row(method: .put, route: "/api/v1/patients/{patientId}/intake", uri: { "/api/v1/patients/\($0.ownPatientID)/intake" }, expected: [S, A, F, A, A], json: true,
            jsonBody: { _ in "{}" }),
        Row(method: .post, route: "/api/v1/patients/{patientId}/consents", uri: { "/api/v1/patients/\($0.ownPatientID)/consents" }, expected: signedIn, json: true,
            jsonBody: { _ in #"{"method": "desk"}"# }),
        Row(method: .get, route: "/practitioners", uri: fixed("/practitioners"), expected: everyone),
        Row(method: .get, route: "/book", uri: fixed("/book"), expected: [S, A, F, F, F]),
        Row(method: .post, route: "/book", uri: fixed("/book"), body: { _, _ in [("start", "not a time")] }, expected: [S, A, F, F, F]),
        Row(method: .get, route: "/me/visits", uri: fixed("/me/visits"), expected: [S, A, F, F, F]),
        Row(method: .post, route: "/me/visits/{id}/cancel", uri: { _ in "/me/visits/\(UUID())/cancel" }, body: { _, _ in [] }, expected: [S, A, F, F, F]),
        Row(method: .get, route: "/me/visits/{id}/move", uri: { _ in "/me/visits/\(UUID())/move" }, expected: [S, A, F, F, F]),
        Row(method: .post, route: "/me/visits/{id}/move", uri: { _ in "/me/visits/\(UUID())/move" }, body: { _, _ in [("start", "not a time")] }, expected: [S, A, F, F, F]),
        Row(method: .get, route: "/calendar/{token}", uri: fixed("/calendar/unknown-token.ics"), expected: everyone),
        Row(method: .post, route: "/account/calendar", uri: fixed("/account/calendar"), body: { _, _ in [] }, expected: signedIn),
        Row(method: .get, route: "/reception", uri: fixed("/reception"), expected: [S, F, A, A, A]),
        Row(method: .post, route: "/reception/book", uri: fixed("/reception/book"), body: { _, _ in [("kind", "treatment")] }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/reception/appointments/{id}/cancel", uri: { _ in "/reception/appointments/\(UUID())/cancel" }, body: { _, _ in [] }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/reception/appointments/{id}/attendance", uri: { _ in "/reception/appointments/\(UUID())/attendance" },
            body: { _, _ in [("status", "arrived")] }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/reception/appointments/{id}/move", uri: { _ in "/reception/appointments/\(UUID())/move" },
            body: { _, _ in [("start", "2030-01-07T10:00")] }, expected: [S, F, A, A, A]),
        Row(method: .get, route: "/practitioner/day", uri: fixed("/practitioner/day"), expected: [S, F, A, A, A]),
        Row(method: .get, route: "/patients/new", uri: fixed("/patients/new"), expected: [S, F, A, A, A]),
        Row(method: .post, route: "/patients", uri: fixed("/patients"), body: { _, _ in [("givenName", "")] }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/patients/{id}/intake", uri: { "/patients/\($0.ownPatientID)/intake" }, body: { _, _ in [] }, expected: [S, A, F, A, A]),
        Row(method: .post, route: "/patients/{id}/consent", uri: { "/patients/\($0.ownPatientID)/consent" }, body: { _, _ in [] }, expected: signedIn),
        Row(method: .post, route: "/patients/{id}/texts", uri: { "/patients/\($0.ownPatientID)/texts" }, body: { _, _ in [] }, expected: signedIn),
        Row(method: .post, route: "/patients/{id}/texts", uri: { "/patients/\($0.otherPatientID)/texts" }, body: { _, _ in [] }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/patients/{id}/texts", uri: { "/patients/\($0.otherClinicPatientID)/texts" }, body: { _, _ in [] }, expected: [S, F, F, F, F]),
        Row(method: .post, route: "/patients/{id}/course", uri: { "/patients/\($0.ownPatientID)/course" },
            body: { _, _ in [("action", "search"), ("sessions", "30"), ("perWeek", "1"), ("horizonWeeks", "2")] }, expected: [S, F, A, A, A]),
        Row(method: .get, route: "/admin/practitioners", uri: fixed("/admin/practitioners"), expected: adminOnly),
        Row(method: .post, route: "/admin/practitioners", uri: fixed("/admin/practitioners"), body: { _, _ in [("name", "")] }, expected: adminOnly),
        Row(method: .post, route: "/admin/practitioners/{id}/certificates", uri: { "/admin/practitioners/\($0.practitionerID)/certificates" },
            body: { _, _ in [("validFrom", "soon")] }, expected: adminOnly),
        Row(method: .post, route: "/admin/practitioners/{id}/hours", uri: { "/admin/practitioners/\($0.practitionerID)/hours" },
            body: { _, _ in [("hours", "someday")] }, expected: adminOnly),
        Row(method: .post, route: "/admin/practitioners/{id}/leave", uri: { "/admin/practitioners/\($0.practitionerID)/leave" },
            body: { _, _ in [("firstDay", "")] }, expected: adminOnly),
        Row(method: .post, route: "/admin/certificates/{id}/verify", uri: { _ in "/admin/certificates/\(UUID())/verify" }, body: { _, _ in [] }, expected: adminOnly),
        Row(method: .get, route: "/admin/clinic", uri: fixed("/admin/clinic"), expected: adminOnly),
        Row(method: .post, route: "/admin/clinic", uri: fixed("/admin/clinic"), body: { _, _ in [("timeZone", "Mars/Olympus")] }, expected: adminOnly),
        Row(method: .get, route: "/admin/messaging", uri: fixed("/admin/messaging"), expected: adminOnly),
        Row(method: .post, route: "/admin/messaging", uri: fixed("/admin/messaging"), body: { _, _ in [("reminderHours", "0")] }, expected: adminOnly),
        Row(method: .post, route: "/admin/rooms", uri: fixed("/admin/rooms"), body: { _, _ in [("name", "")] }, expected: adminOnly),
        Row(method: .post, route: "/admin/rooms/{id}/rename", uri: { _ in "/admin/rooms/\(UUID())/rename" }, body: { _, _ in [("name", "")] }, expected: adminOnly),
        Row(method: .post, route: "/admin/rooms/{id}/retire", uri: { _ in "/admin/rooms/\(UUID())/retire" }, body: { _, _ in [] }, expected: adminOnly),
        Row(method: .post, route: "/admin/rooms/{id}/reactivate", uri: { _ in "/admin/rooms/\(UUID())/reactivate" }, body: { _, _ in [] }, expected: adminOnly),
        Row(method: .post, route: "/admin/holidays", uri: fixed("/admin/holidays"), body: { _, _ in [("day", "someday")] }, expected: adminOnly),
        Row(method: .post, route: "/admin/holidays/{day}/remove", uri: fixed("/admin/holidays/2031-01-01/remove"), body: { _, _ in [] }, expected: adminOnly),
        // Sessions at the chair: only the session's own practitioner acts on it; the clinic's
        // clinicians and the patient read it; reception and the patient enter check-ins.
        Row(method: .get, route: "/chair", uri: fixed("/chair"), expected: treat),
        Row(method: .post, route: "/chair/sessions", uri: fixed("/chair/sessions"), body: { _, _ in [("appointmentId", "none"), ("painBefore", "5")] }, expected: treat),
        Row(method: .get, route: "/sessions/{id}", uri: { "/sessions/\($0.sessionID)" }, expected: [S, A, F, A, A]),
        Row(method: .get, route: "/sessions/{id}", uri: { "/sessions/\($0.colleagueSessionID)" }, expected: [S, F, F, A, A]),
        Row(method: .post, route: "/sessions/{id}/needles", uri: { "/sessions/\($0.sessionID)/needles" }, body: { _, _ in [("point", "BL99"), ("side", "left")] }, expected: ownSession),
        Row(method: .post, route: "/sessions/{id}/needles", uri: { "/sessions/\($0.colleagueSessionID)/needles" }, body: { _, _ in [("point", "BL99"), ("side", "left")] }, expected: [S, F, F, F, F]),
        Row(method: .post, route: "/sessions/{id}/removals", uri: { "/sessions/\($0.sessionID)/removals" }, body: { _, _ in [("all", "true"), ("count", "99")] }, expected: ownSession),
        Row(method: .post, route: "/sessions/{id}/electrical-pairs", uri: { "/sessions/\($0.sessionID)/electrical-pairs" },
            body: { _, _ in [("first", "BL25|left||"), ("second", "BL40|left||"), ("frequencyHz", "2"), ("durationMinutes", "20")] }, expected: ownSession),
        Row(method: .post, route: "/sessions/{id}/search", uri: { "/sessions/\($0.sessionID)/search" }, body: { _, _ in [("found", "1")] }, expected: ownSession),
        Row(method: .post, route: "/sessions/{id}/timer", uri: { "/sessions/\($0.sessionID)/timer" }, body: { _, _ in [] }, expected: ownSession),
        Row(method: .post, route: "/sessions/{id}/undo", uri: { "/sessions/\($0.sessionID)/undo" }, body: { _, _ in [] }, expected: ownSession),
        Row(method: .post, route: "/sessions/{id}/close", uri: { "/sessions/\($0.sessionID)/close" }, body: { _, _ in [("painAfter", "2")] }, expected: ownSession),
        Row(method: .get, route: "/sessions/{id}/check-in", uri: { "/sessions/\($0.sessionID)/check-in" }, expected: signedIn),
        Row(method: .get, route: "/sessions/{id}/check-in", uri: { "/sessions/\($0.colleagueSessionID)/check-in" }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/sessions/{id}/check-in", uri: { "/sessions/\($0.sessionID)/check-in" }, body: { _, _ in [("soreness", "2")] }, expected: signedIn),
        Row(method: .post, route: "/patients/{id}/plan", uri: { "/patients/\($0.ownPatientID)/plan" }, body: { _, _ in [] }, expected: ownSession),
        Row(method: .get, route: "/admin/incidents", uri: fixed("/admin/incidents"), expected: adminOnly),
        Row(method: .get, route: "/admin/incidents/{id}", uri: { _ in "/admin/incidents/\(UUID())" }, expected: adminOnly),
        Row(method: .post, route: "/admin/incidents/{id}", uri: { _ in "/admin/incidents/\(UUID())" }, body: { _, _ in [("status", "bogus")] }, expected: adminOnly),
        Row(method: .post, route: "/api/v1/patients/{patientId}/plans", uri: { "/api/v1/patients/\($0.ownPatientID)/plans" }, expected: ownSession, json: true,
            jsonBody: { _ in "{}" }),
        Row(method: .get, route: "/api/v1/patients/{patientId}/plans/current", uri: { "/api/v1/patients/\($0.ownPatientID)/plans/current" }, expected: [S, A, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/sessions", uri: fixed("/api/v1/sessions?open=true"), expected: [S, A, F, A, A], json: true),
        Row(method: .post, route: "/api/v1/sessions", uri: fixed("/api/v1/sessions"), expected: ownSession, json: true,
            jsonBody: { _ in #"{"appointmentId": "\#(UUID())", "painBefore": 5}"# }),
        Row(method: .get, route: "/api/v1/sessions/{sessionId}", uri: { "/api/v1/sessions/\($0.sessionID)" }, expected: [S, A, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/sessions/{sessionId}", uri: { "/api/v1/sessions/\($0.colleagueSessionID)" }, expected: [S, F, F, A, A], json: true),
        Row(method: .post, route: "/api/v1/sessions/{sessionId}/needles", uri: { "/api/v1/sessions/\($0.sessionID)/needles" }, expected: ownSession, json: true,
            jsonBody: { _ in #"{"point": "BL99", "side": "left", "depthMm": 10, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"# }),
        Row(method: .post, route: "/api/v1/sessions/{sessionId}/needles", uri: { "/api/v1/sessions/\($0.colleagueSessionID)/needles" }, expected: [S, F, F, F, F], json: true,
            jsonBody: { _ in #"{"point": "BL23", "side": "left", "depthMm": 10, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"# }),
        Row(method: .post, route: "/api/v1/sessions/{sessionId}/removals", uri: { "/api/v1/sessions/\($0.sessionID)/removals" }, expected: ownSession, json: true,
            jsonBody: { _ in #"{"all": true, "count": 99}"# }),
        Row(method: .post, route: "/api/v1/sessions/{sessionId}/search", uri: { "/api/v1/sessions/\($0.sessionID)/search" }, expected: ownSession, json: true,
            jsonBody: { _ in #"{"found": 1}"# }),
        Row(method: .post, route: "/api/v1/sessions/{sessionId}/electrical-pairs", uri: { "/api/v1/sessions/\($0.sessionID)/electrical-pairs" }, expected: ownSession, json: true,
            jsonBody: { _ in #"{"first": {"point": "BL25", "side": "left"}, "second": {"point": "BL40", "side": "left"}, "frequencyHz": 2, "waveform": "continuous", "durationMinutes": 20}"# }),
        Row(method: .post, route: "/api/v1/sessions/{sessionId}/timer", uri: { "/api/v1/sessions/\($0.sessionID)/timer" }, expected: ownSession, json: true),
        Row(method: .post, route: "/api/v1/sessions/{sessionId}/undo", uri: { "/api/v1/sessions/\($0.sessionID)/undo" }, expected: ownSession, json: true),
        Row(method: .post, route: "/api/v1/sessions/{sessionId}/close", uri: { "/api/v1/sessions/\($0.sessionID)/close" }, expected: ownSession, json: true,
            jsonBody: { _ in #"{"painAfter": 2}"# }),
        Row(method: .get, route: "/api/v1/sessions/{sessionId}/check-ins", uri: { "/api/v1/sessions/\($0.sessionID)/check-ins" }, expected: signedIn, json: true),
        Row(method: .post, route: "/api/v1/sessions/{sessionId}/check-ins", uri: { "/api/v1/sessions/\($0.sessionID)/check-ins" }, expected: signedIn, json: true,
            jsonBody: { _ in #"{"soreness": 2}"# }),
        Row(method: .get, route: "/api/v1/sessions/{sessionId}/stricta", uri: { "/api/v1/sessions/\($0.sessionID)/stricta" }, expected: [S, A, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/incidents", uri: fixed("/api/v1/incidents"), expected: adminOnly, json: true),
        // Courses and outcomes: the clinic's clinicians record and review, the patient reads their own.
        Row(method: .get, route: "/patients/{id}/courses/{courseId}", uri: { "/patients/\($0.ownPatientID)/courses/\($0.courseID)" }, expected: [S, A, F, A, A]),
        Row(method: .get, route: "/patients/{id}/courses/{courseId}", uri: { "/patients/\($0.otherPatientID)/courses/\($0.otherCourseID)" }, expected: [S, F, F, A, A]),
        Row(method: .post, route: "/patients/{id}/courses/{courseId}/measures", uri: { "/patients/\($0.ownPatientID)/courses/\($0.courseID)/measures" },
            body: { _, _ in [("timepoint", "session"), ("painNow", "99")] }, expected: [S, F, F, A, A]),
        Row(method: .post, route: "/patients/{id}/courses/{courseId}/review", uri: { "/patients/\($0.ownPatientID)/courses/\($0.courseID)/review" },
            body: { _, _ in [("afterSession", "0")] }, expected: [S, F, F, A, A]),
        Row(method: .get, route: "/clinic/analytics", uri: fixed("/clinic/analytics"), expected: [S, F, F, A, A]),
        Row(method: .get, route: "/clinic/analytics.csv", uri: fixed("/clinic/analytics.csv"), expected: [S, F, F, A, A]),
        Row(method: .post, route: "/clinic/analytics/settings", uri: fixed("/clinic/analytics/settings"), body: { _, _ in [("importantPercent", "1")] }, expected: adminOnly),
        Row(method: .get, route: "/api/v1/courses/{courseId}/measures", uri: { "/api/v1/courses/\($0.courseID)/measures" }, expected: [S, A, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/courses/{courseId}/measures", uri: { "/api/v1/courses/\($0.otherCourseID)/measures" }, expected: [S, F, F, A, A], json: true),
        Row(method: .post, route: "/api/v1/courses/{courseId}/measures", uri: { "/api/v1/courses/\($0.courseID)/measures" }, expected: [S, F, F, A, A], json: true,
            jsonBody: { _ in #"{"timepoint": "session", "painNow": 99}"# }),
        Row(method: .get, route: "/api/v1/courses/{courseId}/reviews", uri: { "/api/v1/courses/\($0.courseID)/reviews" }, expected: [S, A, F, A, A], json: true),
        Row(method: .post, route: "/api/v1/courses/{courseId}/reviews", uri: { "/api/v1/courses/\($0.courseID)/reviews" }, expected: [S, F, F, A, A], json: true,
            jsonBody: { _ in #"{"afterSession": 0}"# }),
        Row(method: .get, route: "/api/v1/analytics", uri: fixed("/api/v1/analytics"), expected: [S, F, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/messaging-settings", uri: fixed("/api/v1/messaging-settings"), expected: [S, F, A, A, A], json: true),
        Row(method: .put, route: "/api/v1/messaging-settings", uri: fixed("/api/v1/messaging-settings"), expected: adminOnly, json: true,
            jsonBody: { _ in #"{"confirmByEmail": true, "confirmByText": true, "remindByEmail": true, "remindByText": true, "reminderHours": 0}"# }),
        Row(method: .put, route: "/api/v1/patients/{patientId}/text-messages", uri: { "/api/v1/patients/\($0.ownPatientID)/text-messages" },
            expected: signedIn, json: true, jsonBody: { _ in #"{"wanted": false}"# }),
        Row(method: .put, route: "/api/v1/patients/{patientId}/text-messages", uri: { "/api/v1/patients/\($0.otherPatientID)/text-messages" },
            expected: [S, F, A, A, A], json: true, jsonBody: { _ in #"{"wanted": false}"# }),
        Row(method: .get, route: "/api/v1/outcome-settings", uri: fixed("/api/v1/outcome-settings"), expected: [S, F, F, A, A], json: true),
        Row(method: .put, route: "/api/v1/outcome-settings", uri: fixed("/api/v1/outcome-settings"), expected: adminOnly, json: true,
            jsonBody: { _ in #"{"importantPercent": 1, "importantPoints": 2, "instruments": []}"# }),
        Row(method: .get, route: "/api/v1/patients/{patientId}/fhir", uri: { "/api/v1/patients/\($0.ownPatientID)/fhir" }, expected: [S, A, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/patients/{patientId}/fhir", uri: { "/api/v1/patients/\($0.otherClinicPatientID)/fhir" }, expected: [S, F, F, F, F], json: true),
        Row(method: .get, route: "/api/v1/courses/{courseId}/stricta", uri: { "/api/v1/courses/\($0.courseID)/stricta" }, expected: [S, A, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/courses/{courseId}/stricta", uri: { "/api/v1/courses/\($0.otherCourseID)/stricta" }, expected: [S, F, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/sessions/{sessionId}/stricta-report", uri: { "/api/v1/sessions/\($0.sessionID)/stricta-report" }, expected: [S, A, F, A, A], json: true),
        Row(method: .get, route: "/patients/{id}/courses/{courseId}/stricta", uri: { "/patients/\($0.ownPatientID)/courses/\($0.courseID)/stricta" }, expected: [S, A, F, A, A]),
        Row(method: .get, route: "/sessions/{id}/stricta", uri: { "/sessions/\($0.colleagueSessionID)/stricta" }, expected: [S, F, F, A, A]),
        Row(method: .post, route: "/patients/{id}/assessments", uri: { "/patients/\($0.ownPatientID)/assessments" }, body: { _, _ in [("complaint", "")] }, expected: [S, F, F, A, A]),
        Row(method: .post, route: "/patients/{id}/red-flags/decisions", uri: { "/patients/\($0.ownPatientID)/red-flags/decisions" }, body: { _, _ in [] }, expected: [S, F, F, A, A]),
        Row(method: .post, route: "/sessions/{id}/note", uri: { "/sessions/\($0.sessionID)/note" }, body: { _, _ in [] }, expected: ownSession),
        Row(method: .get, route: "/practitioner/hours", uri: fixed("/practitioner/hours"), expected: [S, F, F, A, F]),
        Row(method: .post, route: "/practitioner/hours", uri: fixed("/practitioner/hours"), body: { _, _ in [("hours", "bad")] }, expected: [S, F, F, A, F]),
        Row(method: .post, route: "/admin/consent", uri: fixed("/admin/consent"), body: { _, _ in [("text", "")] }, expected: adminOnly),
        Row(method: .get, route: "/api/v1/patients/{patientId}/assessments", uri: { "/api/v1/patients/\($0.ownPatientID)/assessments" }, expected: [S, A, F, A, A], json: true),
        Row(method: .get, route: "/api/v1/patients/{patientId}/assessments", uri: { "/api/v1/patients/\($0.otherClinicPatientID)/assessments" }, expected: [S, F, F, F, F], json: true),
        Row(method: .post, route: "/api/v1/patients/{patientId}/assessments", uri: { "/api/v1/patients/\($0.ownPatientID)/assessments" }, expected: [S, F, F, A, A], json: true,
            jsonBody: { _ in #"{"complaint": "", "regions": ["lower"], "side": "both", "onset": "chronic"}"# }),
        Row(method: .get, route: "/api/v1/patients/{patientId}/red-flags", uri: { "/api/v1/patients/\($0.ownPatientID)/red-flags" }, expected: [S, A, F, A, A], json: true),
        Row(method: .post, route: "/api/v1/patients/{patientId}/red-flag-decisions", uri: { "/api/v1/patients/\($0.ownPatientID)/red-flag-decisions" }, expected: [S, F, F, A, A], json: true,
            jsonBody: { _ in #"{"outcome": "cleared", "reason": ""}"# }),
        Row(method: .get, route: "/api/v1/consent-text", uri: fixed("/api/v1/consent-text"), expected: signedIn, json: true),
        Row(method: .get, route: "/api/v1/sessions/{sessionId}/note", uri: { "/api/v1/sessions/\($0.sessionID)/note" }, expected: [S, A, F, A, A], json: true),
        Row(method: .put, route: "/api/v1/sessions/{sessionId}/note", uri: { "/api/v1/sessions/\($0.sessionID)/note" }, expected: ownSession, json: true,
            jsonBody: { _ in "{}" }),
        // Billing: contact time at the chair; superbills for the patient, reception and clinicians; settings for the admin.
        Row(method: .post, route: "/sessions/{id}/contact", uri: { "/sessions/\($0.sessionID)/contact" }, body: { _, _ in [("running", "true")] }, expected: ownSession),
        Row(method: .post, route: "/api/v1/sessions/{sessionId}/contact", uri: { "/api/v1/sessions/\($0.sessionID)/contact" }, expected: ownSession, json: true,
            jsonBody: { _ in #"{"running": false}"# }),
        Row(method: .get, route: "/sessions/{id}/superbill", uri: { "/sessions/\($0.sessionID)/superbill" }, expected: signedIn),
        Row(method: .get, route: "/sessions/{id}/superbill", uri: { "/sessions/\($0.colleagueSessionID)/superbill" }, expected: [S, F, A, A, A]),
        Row(method: .get, route: "/api/v1/sessions/{sessionId}/superbill", uri: { "/api/v1/sessions/\($0.sessionID)/superbill" }, expected: signedIn, json: true),
        Row(method: .get, route: "/api/v1/sessions/{sessionId}/superbill", uri: { "/api/v1/sessions/\($0.colleagueSessionID)/superbill" }, expected: [S, F, A, A, A], json: true),
        Row(method: .get, route: "/admin/billing", uri: fixed("/admin/billing"), expected: adminOnly),
        Row(method: .post, route: "/admin/billing", uri: fixed("/admin/billing"), body: { _, _ in [("currency", "XYZ")] }, expected: adminOnly),
        Row(method: .post, route: "/admin/billing/providers/{id}", uri: { "/admin/billing/providers/\($0.practitionerID)" }, body: { _, _ in [("npi", "1")] }, expected: adminOnly),
        Row(method: .get, route: "/api/v1/billing-settings", uri: fixed("/api/v1/billing-settings"), expected: adminOnly, json: true),
        Row(method: .put, route: "/api/v1/billing-settings", uri: fixed("/api/v1/billing-settings"), expected: adminOnly, json: true,
            jsonBody: { _ in #"{"mode": "perSession", "currency": "XYZ", "fees": [], "sessionFee": 0, "taxId": "", "placeOfService": "11"}"# }),
        Row(method: .put, route: "/api/v1/practitioners/{practitionerId}/billing", uri: { "/api/v1/practitioners/\($0.practitionerID)/billing" }, expected: adminOnly, json: true,
            jsonBody: { _ in #"{"npi": "1", "credentials": ""}"# }),
        // Accounts: the patient reads their own; the desk and clinicians take payments and sell packages.
        Row(method: .get, route: "/patients/{id}/account", uri: { "/patients/\($0.ownPatientID)/account" }, expected: signedIn),
        Row(method: .get, route: "/patients/{id}/account", uri: { "/patients/\($0.otherPatientID)/account" }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/patients/{id}/payments", uri: { "/patients/\($0.ownPatientID)/payments" }, body: { _, _ in [("amount", "-5")] }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/patients/{id}/packages", uri: { "/patients/\($0.ownPatientID)/packages" }, body: { _, _ in [("price", "x")] }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/patients/{id}/package-draws", uri: { "/patients/\($0.ownPatientID)/package-draws" }, body: { _, _ in [] }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/patients/{id}/packages/{packageId}/cancel", uri: { "/patients/\($0.ownPatientID)/packages/\(UUID())/cancel" }, body: { _, _ in [] }, expected: [S, F, A, A, A]),
        Row(method: .get, route: "/payments/{id}/receipt", uri: { _ in "/payments/\(UUID())/receipt" }, expected: signedIn),
        Row(method: .post, route: "/payments/{id}/email", uri: { _ in "/payments/\(UUID())/email" }, body: { _, _ in [] }, expected: [S, F, A, A, A]),
        Row(method: .get, route: "/reception/takings", uri: fixed("/reception/takings"), expected: [S, F, A, A, A]),
        Row(method: .get, route: "/api/v1/patients/{patientId}/account", uri: { "/api/v1/patients/\($0.ownPatientID)/account" }, expected: signedIn, json: true),
        Row(method: .get, route: "/api/v1/patients/{patientId}/account", uri: { "/api/v1/patients/\($0.otherPatientID)/account" }, expected: [S, F, A, A, A], json: true),
        Row(method: .post, route: "/api/v1/patients/{patientId}/payments", uri: { "/api/v1/patients/\($0.ownPatientID)/payments" }, expected: [S, F, A, A, A], json: true,
            jsonBody: { _ in #"{"amount": {"minorUnits": -1, "currency": "USD"}, "method": "cash"}"# }),
        Row(method: .post, route: "/api/v1/patients/{patientId}/packages", uri: { "/api/v1/patients/\($0.ownPatientID)/packages" }, expected: [S, F, A, A, A], json: true,
            jsonBody: { _ in #"{"name": "", "sessions": 6, "price": {"minorUnits": 100, "currency": "USD"}, "expires": "2020-01-01", "method": "cash"}"# }),
        Row(method: .post, route: "/api/v1/packages/{packageId}/draws", uri: { _ in "/api/v1/packages/\(UUID())/draws" }, expected: [S, F, A, A, A], json: true,
            jsonBody: { _ in #"{"sessionId": "\#(UUID())"}"# }),
        Row(method: .post, route: "/api/v1/packages/{packageId}/cancel", uri: { _ in "/api/v1/packages/\(UUID())/cancel" }, expected: [S, F, A, A, A], json: true),
        Row(method: .get, route: "/api/v1/takings", uri: fixed("/api/v1/takings?day=2026-11-27"), expected: [S, F, A, A, A], json: true),
        // The waitlist: a patient's own entries, the desk's list, the offer a mailed link opens, the admin's window.
        Row(method: .get, route: "/me/waitlist", uri: fixed("/me/waitlist"), expected: [S, A, F, F, F]),
        Row(method: .post, route: "/me/waitlist", uri: fixed("/me/waitlist"), body: { _, _ in [("kind", "bogus")] }, expected: [S, A, F, F, F]),
        Row(method: .post, route: "/me/waitlist/{id}/leave", uri: { _ in "/me/waitlist/\(UUID())/leave" }, body: { _, _ in [] }, expected: [S, A, F, F, F]),
        Row(method: .get, route: "/reception/waitlist", uri: fixed("/reception/waitlist?q=Hughes"), expected: [S, F, A, A, A]),
        Row(method: .post, route: "/reception/waitlist", uri: fixed("/reception/waitlist"), body: { _, _ in [("patient", "none")] }, expected: [S, F, A, A, A]),
        Row(method: .post, route: "/reception/waitlist/{id}/leave", uri: { _ in "/reception/waitlist/\(UUID())/leave" }, body: { _, _ in [] },
            expected: [S, F, A, A, A]),
        Row(method: .get, route: "/waitlist/offers/{token}", uri: fixed("/waitlist/offers/unknown-token"), expected: everyone),
        Row(method: .post, route: "/waitlist/offers/{token}", uri: fixed("/waitlist/offers/unknown-token"), body: { _, _ in [] }, expected: everyone),
        Row(method: .post, route: "/admin/waitlist", uri: fixed("/admin/waitlist"), body: { _, _ in [("offerMinutes", "soon")] }, expected: adminOnly),
        Row(method: .get, route: "/api/v1/waitlist", uri: fixed("/api/v1/waitlist"), expected: signedIn, json: true),
        Row(method: .post, route: "/api/v1/waitlist", uri: fixed("/api/v1/waitlist"), expected: signedIn, json: true,
            jsonBody: { _ in #"{"kind": "review", "weekdays": [], "from": "12:00", "to": "11:00", "firstDay": "2026-12-01", "lastDay": "2026-12-31"}"# }),
        Row(method: .post, route: "/api/v1/waitlist/{entryId}/leave", uri: { _ in "/api/v1/waitlist/\(UUID())/leave" }, expected: signedIn, json: true),
        Row(method: .post, route: "/language", uri: fixed("/language"), body: { _, _ in [("lang", "en"), ("back", "/")] }, expected: everyone),
        // Last: signing out ends the sessions the rows above use.
        Row(method: .post, route: "/logout", uri: fixed("/logout"), body: { _, _ in [] }, expected: everyone),
    ]

    static let roles: [Role?] = [nil, .patient, .reception, .practitioner, .admin]

    @Test func everyRouteHasARowInTheMatrix() async throws {
        try await withTestStore(migrated: true) { store in
            let router = try await buildRouter(
                services: AppServices(database: store, publicAddress: PublicAddress(configured: "http://test", fallback: "")),
                logger: testLogger, metrics: PrometheusCollectorRegistry())
            let covered = Set(Self.rows.map { "\($0.method.rawValue) \($0.route)" })
            for route in router.routes {
                let key = "\(route.method.rawValue) \(route.path)"
                #expect(covered.contains(key), "no matrix row for \(key)")
            }
        }
    }

    @Test func everyAPIOperationHasAnAccessRule() throws {
        let document = String(decoding: try AcubackAPIDocument.yaml(), as: UTF8.self)
        let ids = document.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("operationId: ") ? String(trimmed.dropFirst("operationId: ".count)) : nil
        }
        #expect(ids.count >= 10)
        for id in ids { #expect(APIAccess.rules[id] != nil, "\(id) has no access rule") }
    }

    @Test(arguments: TestBackend.available)
    func everyRoleGetsTheAnswerThePolicyIntends(backend: TestBackend) async throws {
        try await withTestWorld(backend) { client, world in
            for row in Self.rows {
                for (index, role) in Self.roles.enumerated() {
                    let outcome = try await Self.request(row, as: role, client: client, world: world)
                    #expect(outcome == row.expected[index], "\(row.method) \(row.uri(world)) as \(role?.rawValue ?? "nobody")")
                }
            }
        }
    }

    static func request(_ row: Row, as role: Role?, client: some TestClientProtocol, world: TestWorld) async throws -> Outcome {
        var headers = world.headers(role)
        var body: ByteBuffer?
        if row.method == .post || row.method == .put {
            if row.json {
                headers[.contentType] = "application/json"
                body = ByteBuffer(string: row.jsonBody(world))
            } else {
                // Nobody signed in still gets a CSRF cookie, so the form itself is valid.
                let csrf = role.map { world.csrf($0) } ?? "anonymous-csrf-token"
                if role == nil { headers[.cookie] = "\(AuthCookie.csrf)=\(csrf)" }
                headers[.contentType] = "application/x-www-form-urlencoded"
                body = form([("_csrf", csrf)] + (row.body(world, role) ?? []))
            }
        }
        return try await client.execute(uri: row.uri(world), method: row.method, headers: headers, body: body) { response in
            switch response.status {
            case .unauthorized where row.json || row.route.hasPrefix("/api"): return .signIn
            case .forbidden: return .forbidden
            case .seeOther, .found:
                return response.headers[.location]?.hasPrefix("/login?next=") == true ? .signIn : .allowed
            default: return .allowed
            }
        }
    }
}

