import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// A patient's account: charges, payments with receipts, packages; and the day's takings for
/// the desk. Every change goes through BillingService.
struct PatientAccountPagesController {
    let renderer: PageRenderer
    let services: AppServices

    var billing: BillingService { services.billing }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/patients/{id}/account") { request, context in
            try await page(try patientID(context), request, context, message: FormFields(request.uri.queryParameters).first("done"))
        }
        router.post("/patients/{id}/payments") { request, context in
            let id = try patientID(context)
            return try await change(id, request, context) { actor, form in
                let currency = try await currency(of: actor)
                guard let amount = Currency.minorUnits(from: form.text("amount"), in: currency) else {
                    throw ValidationError(field: "amount", rule: "must be an amount such as 75.00, more than zero")
                }
                let payment = try await billing.recordPayment(
                    NewPayment(
                        amount: Money(amount, currency), method: PaymentMethod(rawValue: form.text("method")) ?? .cash,
                        sessionID: UUID(uuidString: form.text("sessionId")), note: form.text("note")),
                    for: id, by: actor, from: context.clientAddress)
                return "Payment recorded: receipt \(payment.receipt)"
            }
        }
        router.post("/patients/{id}/packages") { request, context in
            let id = try patientID(context)
            return try await change(id, request, context) { actor, form in
                let currency = try await currency(of: actor)
                guard let price = Currency.minorUnits(from: form.text("price"), in: currency) else {
                    throw ValidationError(field: "price", rule: "must be an amount such as 450.00")
                }
                guard let expires = CalendarDay(form.text("expires")) else { throw ValidationError(field: "expires", rule: "must be a date") }
                let (package, _) = try await billing.sellPackage(
                    PrepaidPackage(name: form.text("name"), sessions: Int(form.text("sessions")) ?? 0, price: Money(price, currency), expires: expires),
                    paidBy: PaymentMethod(rawValue: form.text("method")) ?? .card, to: id, by: actor, from: context.clientAddress)
                return "Package sold: \(package.package.name)"
            }
        }
        router.post("/patients/{id}/package-draws") { request, context in
            let id = try patientID(context)
            return try await change(id, request, context) { actor, form in
                guard let packageID = UUID(uuidString: form.text("packageId")) else { throw ValidationError(field: "packageId", rule: "choose a package") }
                guard let sessionID = UUID(uuidString: form.text("sessionId")) else { throw ValidationError(field: "sessionId", rule: "choose a session") }
                let package = try await billing.draw(packageID, for: sessionID, by: actor, from: context.clientAddress)
                return "Paid from \(package.package.name): \(package.left) session(s) left"
            }
        }
        router.post("/patients/{id}/packages/{packageId}/cancel") { request, context in
            let id = try patientID(context)
            return try await change(id, request, context) { actor, _ in
                guard let packageID = context.parameters.get("packageId", as: UUID.self) else { throw HTTPError(.notFound) }
                let (_, credit) = try await billing.cancelPackage(packageID, of: id, by: actor, from: context.clientAddress)
                return credit.map { "Package cancelled: \($0.amount.formatted) credited" } ?? "Package cancelled: nothing left to credit"
            }
        }
        router.get("/payments/{id}/receipt") { request, context in
            let actor = try context.requireActor(.readBilling)
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            let (payment, patient, clinic) = try await billing.receipt(id, by: actor, from: context.clientAddress)
            let zone = try await services.clinic.settings(clinicID: payment.clinicID).zone
            let model = ReceiptPage(
                receipt: payment.receipt, clinicName: clinic.displayName, clinicAddress: clinic.address, clinicPhone: clinic.phone,
                patientName: patient.name, when: DisplayTime.format(payment.receivedAt, in: zone), amount: payment.amount.formatted,
                method: PaymentWords.method(payment.method), note: payment.note, back: "/patients/\(patient.id)/account",
                canEmail: AccessPolicy.decide(actor, .takePayment, .clinic(payment.clinicID)).isAllowed && !(patient.email ?? "").isEmpty,
                paymentId: payment.id.uuidString, emailed: FormFields(request.uri.queryParameters).text("emailed") == "1")
            return try renderer.render("receipt", context, path: actor.role == .patient ? "/me" : "/patients", model: model)
                .response(from: request, context: context)
        }
        router.post("/payments/{id}/email") { request, context in
            let actor = try context.requireActor(.takePayment)
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            try await billing.emailReceipt(id, by: actor, from: context.clientAddress)
            return Response.redirect(to: "/payments/\(id)/receipt?emailed=1", type: .normal)
        }
        router.get("/reception/takings") { request, context in
            let actor = try context.requireActor(.takePayment)
            let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
            let day = CalendarDay(FormFields(request.uri.queryParameters).text("day")) ?? CalendarDay(services.now(), in: zone)
            let payments = try await billing.takings(on: day, by: actor, from: context.clientAddress)
            let currency = try await billing.currency(clinicID: actor.clinicID)
            let byMethod = Dictionary(grouping: payments, by: \.method)
            let model = TakingsPage(
                day: day.description, previous: day.adding(days: -1).description, next: day.adding(days: 1).description,
                rows: payments.map {
                    .init(receipt: $0.receipt, paymentId: $0.id.uuidString, when: DisplayTime.clock($0.receivedAt, in: zone), amount: $0.amount.formatted,
                          method: PaymentWords.method($0.method))
                },
                hasRows: !payments.isEmpty,
                totals: PaymentMethod.allCases.compactMap { method in
                    byMethod[method].map { .init(method: PaymentWords.method(method), amount: Money($0.reduce(0) { $0 + $1.amount.minorUnits }, currency).formatted) }
                },
                total: Money(payments.reduce(0) { $0 + $1.amount.minorUnits }, currency).formatted)
            return try renderer.render("takings", context, path: "/reception", model: model).response(from: request, context: context)
        }
    }

    private func patientID(_ context: AcubackRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
        return id
    }

    private func currency(of actor: Actor) async throws -> String { try await billing.currency(clinicID: actor.clinicID) }

    /// Runs a desk change; a refusal shows the account again with what went wrong, nothing stored.
    private func change(
        _ patientID: UUID, _ request: Request, _ context: AcubackRequestContext,
        _ work: (Actor, FormFields) async throws -> String
    ) async throws -> Response {
        let actor = try context.requireActor(.takePayment)
        let form = try await FormFields.of(request)
        do {
            let done = try await work(actor, form)
            let query = done.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return Response.redirect(to: "/patients/\(patientID)/account?done=\(query)", type: .normal)
        } catch let error as any ProblemConvertible {
            let refusal = error.problem(instance: nil).pageRefusal
            return try await page(patientID, request, context, error: refusal.message, status: refusal.status)
        }
    }

    private func page(
        _ patientID: UUID, _ request: Request, _ context: AcubackRequestContext, message: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor(.readBilling)
        let statement = try await billing.statement(of: patientID, by: actor, from: context.clientAddress)
        let zone = try await services.clinic.settings(clinicID: statement.patient.clinicID).zone
        let model = PatientAccountPage(
            statement, zone: zone, canTakePayment: AccessPolicy.decide(actor, .takePayment, .clinic(statement.patient.clinicID)).isAllowed,
            today: CalendarDay(services.now(), in: zone), message: message, error: error)
        return try renderer.render("patient-account", context, path: actor.role == .patient ? "/me" : "/patients", model: model, status: status)
            .response(from: request, context: context)
    }
}
