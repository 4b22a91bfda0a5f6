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

    static func notFound(_ detail: String, instance: String? = nil) -> Problem {
        Problem(title: "Not found", status: 404, detail: detail, instance: instance)
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
