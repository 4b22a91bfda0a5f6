import AcubackAPI
import AcubackCore
import AcubackServices
import Foundation

/// A patient's account, payments, packages and the day's takings.
extension APIService {
    func getAccount(_ input: Operations.GetAccount.Input) async throws -> Operations.GetAccount.Output {
        guard let id = try uuid(input.path.patientId, field: "patientId") else { throw NotFound(detail: "No such patient") }
        let statement = try await services.billing.statement(of: id, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(statement, today: CalendarDay(services.now(), in: .gmt)))))
    }

    func recordPayment(_ input: Operations.RecordPayment.Input) async throws -> Operations.RecordPayment.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        guard let id = try uuid(input.path.patientId, field: "patientId") else { throw NotFound(detail: "No such patient") }
        let payment = NewPayment(
            amount: Money(body.amount.minorUnits, body.amount.currency), method: PaymentMethod(rawValue: body.method.rawValue) ?? .cash,
            sessionID: try body.sessionId.flatMap { try uuid($0, field: "sessionId") }, note: body.note ?? "")
        let record = try await services.billing.recordPayment(payment, for: id, by: try actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(record))))
    }

    func sellPackage(_ input: Operations.SellPackage.Input) async throws -> Operations.SellPackage.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        guard let id = try uuid(input.path.patientId, field: "patientId") else { throw NotFound(detail: "No such patient") }
        guard let expires = CalendarDay(body.expires) else { throw ValidationError(field: "expires", rule: "must be a date such as 2027-05-26") }
        let package = PrepaidPackage(
            name: body.name, sessions: body.sessions, price: Money(body.price.minorUnits, body.price.currency), expires: expires)
        let (record, _) = try await services.billing.sellPackage(
            package, paidBy: PaymentMethod(rawValue: body.method.rawValue) ?? .card, to: id, by: try actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(record, today: CalendarDay(services.now(), in: .gmt)))))
    }

    func drawPackage(_ input: Operations.DrawPackage.Input) async throws -> Operations.DrawPackage.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        guard let id = try uuid(input.path.packageId, field: "packageId") else { throw NotFound(detail: "No such package") }
        guard let sessionID = try uuid(body.sessionId, field: "sessionId") else { throw ValidationError(field: "sessionId", rule: "must be a session id") }
        let record = try await services.billing.draw(id, for: sessionID, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(record, today: CalendarDay(services.now(), in: .gmt)))))
    }

    func cancelPackage(_ input: Operations.CancelPackage.Input) async throws -> Operations.CancelPackage.Output {
        guard let id = try uuid(input.path.packageId, field: "packageId") else { throw NotFound(detail: "No such package") }
        let (record, _) = try await services.billing.cancelPackage(id, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(record, today: CalendarDay(services.now(), in: .gmt)))))
    }

    func getTakings(_ input: Operations.GetTakings.Input) async throws -> Operations.GetTakings.Output {
        guard let day = CalendarDay(input.query.day) else { throw ValidationError(field: "day", rule: "must be a date such as 2026-11-27") }
        let payments = try await services.billing.takings(on: day, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(payments.map(Components.Schemas.Payment.init))))
    }
}
