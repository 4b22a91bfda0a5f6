import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// An RFC 9457 problem document, the body of every API error.
struct Problem: Codable, Sendable, Equatable {
    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    var errors: [FieldError]?

    static func badRequest(_ error: ValidationError, instance: String? = nil) -> Problem {
        Problem(title: "The request is not valid", status: 400, detail: error.description, instance: instance, errors: error.errors)
    }

    /// 409 when the time is taken, 422 when the booking breaks a rule, naming the field and why.
    static func booking(_ error: BookingError, instance: String? = nil) -> Problem {
        switch error {
        case .invalid(let validation): return .badRequest(validation, instance: instance)
        case .notBooked: return .badRequest(ValidationError(error.fieldErrors), instance: instance)
        default: break
        }
        return error.isConflict
            ? Problem(title: "Conflict", status: 409, detail: error.description, instance: instance, errors: error.fieldErrors)
            : Problem(title: "Unprocessable Content", status: 422, detail: error.description, instance: instance, errors: error.fieldErrors)
    }

    static func notFound(_ detail: String, instance: String? = nil) -> Problem {
        Problem(title: "Not found", status: 404, detail: detail, instance: instance)
    }

    /// For a page that shows the refusal in place: what to say, with each field named in words,
    /// and the status to answer with.
    var pageRefusal: (message: String, status: HTTPResponse.Status) {
        (errors.map { $0.map(FieldWords.sentence).joined(separator: "; ") } ?? detail ?? title, HTTPResponse.Status(code: status))
    }

    func response(headers extra: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(self)) ?? Data(#"{"title":"Error","status":500,"type":"about:blank"}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        headers.append(contentsOf: extra)
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// An error that knows its problem document, so the API maps it in one place.
protocol ProblemConvertible: Error {
    func problem(instance: String?) -> Problem
}

extension ValidationError: ProblemConvertible {
    func problem(instance: String?) -> Problem { .badRequest(self, instance: instance) }
}

extension BookingError: ProblemConvertible {
    func problem(instance: String?) -> Problem { .booking(self, instance: instance) }
}

/// A ledger rule broken: 422, naming the field.
extension LedgerError: ProblemConvertible {
    func problem(instance: String?) -> Problem {
        Problem(
            title: "Unprocessable Content", status: 422, detail: description, instance: instance,
            errors: [FieldError(field: field, rule: description)])
    }
}

/// The desk registers someone who looks registered already: 409 naming the patient on record.
extension PossibleDuplicatePatient: ProblemConvertible {
    func problem(instance: String?) -> Problem {
        let rule = "\(existing.givenName) \(existing.familyName), born \(existing.birthDate), is already registered (patient \(existing.id.uuidString)); "
            + "send confirmDuplicate: true to register another person with the same name and birth date"
        return Problem(title: "Conflict", status: 409, detail: rule, instance: instance, errors: [FieldError(field: "confirmDuplicate", rule: rule)])
    }
}

/// A needle the safety rules refuse: 422 naming the field and the rule.
extension NeedleRefusal: ProblemConvertible {
    func problem(instance: String?) -> Problem {
        Problem(
            title: "Unprocessable Content", status: 422, detail: description, instance: instance,
            errors: [FieldError(field: field, rule: description)])
    }
}

/// The session cannot change now: 409; not found: 404; check-in before closing: 422.
extension TreatmentSessionError: ProblemConvertible {
    func problem(instance: String?) -> Problem {
        switch self {
        case .notFound: .notFound("No such session", instance: instance)
        case .notClosed: Problem(title: "Unprocessable Content", status: 422, detail: description, instance: instance)
        default: Problem(title: "Conflict", status: 409, detail: description, instance: instance)
        }
    }
}

/// A request that is well formed but breaks a clinical or session rule: 422, naming each field.
extension RuleRefusal: ProblemConvertible {
    func problem(instance: String?) -> Problem {
        Problem(title: "Unprocessable Content", status: 422, detail: description, instance: instance, errors: errors)
    }
}

