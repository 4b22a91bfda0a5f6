import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The chair's forms: needles in and out, the search, the timer, closing. Each answers with the
/// session page again: a redirect when it worked, the page with the refusal in place when not.
extension ChairPagesController {
    func addActionRoutes(to router: Router<AcubackRequestContext>) {
        router.post("/sessions/{id}/needles") { request, context in
            try await act(request, context) { id, actor, form in
                let choice = try Self.choice(form)
                // A quick tap (no depth given) records the needle at the deepest the rules allow for it today.
                let depth: Int?
                if form.text("depthMm").isEmpty {
                    depth = nil
                } else {
                    guard let given = Int(form.text("depthMm")) else { throw ValidationError(field: "depthMm", rule: "must be a whole number of millimetres") }
                    depth = given
                }
                _ = try await sessions.insert(
                    choice, depthMm: depth, needleType: form.text("needleType"),
                    stimulation: Stimulation(rawValue: form.text("stimulation")) ?? .manual, deQi: form.flag("deQi"),
                    overrideReason: form.first("overrideReason").flatMap { $0.isEmpty ? nil : $0 }, into: id, by: actor, from: context.clientAddress)
            }
        }
        router.post("/sessions/{id}/electrical-pairs") { request, context in
            try await act(request, context) { id, actor, form in
                // Each end is a needle row's packed value, as the In and Out buttons send it.
                func end(_ name: String) throws -> NeedleChoice { try Self.choice(FormFields(values: ["needle": [form.text(name)]])) }
                guard let frequency = Double(form.text("frequencyHz")) else { throw ValidationError(field: "frequencyHz", rule: "must be a number of Hz") }
                guard let minutes = Int(form.text("durationMinutes")) else { throw ValidationError(field: "durationMinutes", rule: "must be a whole number of minutes") }
                let intensity = form.text("intensityMa")
                guard intensity.isEmpty || Double(intensity) != nil else { throw ValidationError(field: "intensityMa", rule: "must be a number of mA, or empty for as tolerated") }
                _ = try await sessions.stimulate(
                    try end("first"), try end("second"), frequencyHz: frequency, waveform: Waveform(rawValue: form.text("waveform")) ?? .continuous,
                    intensityMa: Double(intensity), durationMinutes: minutes, in: id, by: actor, from: context.clientAddress)
            }
        }
        router.post("/sessions/{id}/removals") { request, context in
            try await act(request, context) { id, actor, form in
                if form.has("all") {
                    guard let count = Int(form.text("count")) else { throw ValidationError(field: "count", rule: "count the needles out and enter the number") }
                    _ = try await sessions.removeAll(counted: count, from: id, by: actor, from: context.clientAddress)
                } else {
                    _ = try await sessions.remove(try Self.choice(form), from: id, by: actor, from: context.clientAddress)
                }
            }
        }
        router.post("/sessions/{id}/search") { request, context in
            try await act(request, context) { id, actor, form in
                if form.has("lost") {
                    _ = try await sessions.declareLost(note: form.text("note"), in: id, by: actor, from: context.clientAddress)
                } else {
                    guard let count = Int(form.text("found")) else { throw ValidationError(field: "found", rule: "enter how many needles were found") }
                    _ = try await sessions.found(count, in: id, by: actor, from: context.clientAddress)
                }
            }
        }
        router.post("/sessions/{id}/undo") { request, context in
            try await act(request, context) { id, actor, _ in
                _ = try await sessions.undoLastTap(in: id, by: actor, from: context.clientAddress)
            }
        }
        router.post("/sessions/{id}/contact") { request, context in
            try await act(request, context) { id, actor, form in
                _ = try await sessions.setContact(running: form.text("running") == "true", in: id, by: actor, from: context.clientAddress)
            }
        }
        router.post("/sessions/{id}/timer") { request, context in
            try await act(request, context) { id, actor, _ in
                _ = try await sessions.startTimer(id, by: actor, from: context.clientAddress)
            }
        }
        router.post("/sessions/{id}/note") { request, context in
            let actor = try context.requireActor(.treatPatient)
            let id = try sessionID(context)
            let form = try await FormFields.of(request)
            let note = SessionNote(
                subjective: form.text("subjective"), objective: form.text("objective"), assessment: form.text("assessment"),
                plan: form.text("plan"), tongue: form.text("tongue"), pulse: form.text("pulse"), pattern: form.text("pattern"))
            do {
                _ = try await SessionNoteService(services: services).write(note, for: id, by: actor, from: context.clientAddress)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await page(request, context, message: refusal.message, status: refusal.status)
            }
            return Response.redirect(to: "/sessions/\(id)?noteSaved=1#session-note", type: .normal)
        }
        router.post("/sessions/{id}/close") { request, context in
            try await act(request, context) { id, actor, form in
                guard let pain = Int(form.text("painAfter")) else { throw ValidationError(field: "painAfter", rule: "must be a whole number from 0 to 10") }
                // An adjunct counts when its box is ticked; its detail field says what was done.
                let adjuncts = form.all("adjuncts").compactMap(AdjunctKind.init(rawValue:)).map {
                    SessionAdjunct(kind: $0, detail: form.text("adjunct-\($0.rawValue)"))
                }
                let closing = SessionClosing(
                    painAfter: pain, reactions: form.all("reactions").compactMap(ImmediateReaction.init(rawValue:)),
                    adviceGiven: form.flag("adviceGiven"), removalReason: form.first("removalReason"), adjuncts: adjuncts)
                _ = try await sessions.close(id, closing: closing, by: actor, from: context.clientAddress)
            }
        }
    }

    /// Runs a chair action for the signed-in practitioner and shows the session again.
    private func act(
        _ request: Request, _ context: AcubackRequestContext,
        _ body: (UUID, Actor, FormFields) async throws -> Void
    ) async throws -> Response {
        let actor = try context.requireActor(.treatPatient)
        let id = try sessionID(context)
        let form = try await FormFields.of(request)
        do {
            try await body(id, actor, form)
        } catch let error as any ProblemConvertible {
            let refusal = error.problem(instance: nil).pageRefusal
            return try await page(request, context, message: refusal.message, status: refusal.status)
        }
        return Response.redirect(to: "/sessions/\(id)", type: .normal)
    }

    /// The needle a form names: a `needle` button value "point|side|site|location|area|level", or the fields.
    static func choice(_ form: FormFields) throws -> NeedleChoice {
        if let packed = form.first("needle") {
            let parts = packed.split(separator: "|", omittingEmptySubsequences: false).map(String.init) + ["", "", "", "", "", ""]
            return NeedleChoice(
                point: parts[0].isEmpty ? nil : parts[0], side: NeedleSide(rawValue: parts[1]), site: Int(parts[2]),
                location: parts[3].isEmpty ? nil : parts[3], area: BodyArea(rawValue: parts[4]), level: SpinalLevel(rawValue: parts[5]))
        }
        let side = form.text("side")
        guard side.isEmpty || NeedleSide(rawValue: side) != nil else { throw ValidationError(field: "side", rule: "must be left, right or midline") }
        let area = form.text("area")
        guard area.isEmpty || BodyArea(rawValue: area) != nil else { throw ValidationError(field: "area", rule: "must be a part of the body chart") }
        let level = form.text("level")
        guard level.isEmpty || SpinalLevel(rawValue: level) != nil else { throw ValidationError(field: "level", rule: "must be a spinal level such as L4") }
        return NeedleChoice(
            point: form.first("point"), side: NeedleSide(rawValue: side), site: Int(form.text("site")), location: form.first("location"),
            area: BodyArea(rawValue: area), level: SpinalLevel(rawValue: level))
    }
}
