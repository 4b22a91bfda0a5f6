import AcubackCore
import AcubackStore
import Foundation

/// The messages a booking sends: a confirmation at once, with the link to the portal where the
/// intake form and consent are done before the first visit, and a reminder before each visit;
/// each by e-mail and, when the patient asked for them, by text, as the clinic has set.
extension BookingService {
    /// What the messages of one patient's booking need, read once per booking.
    struct MessagePlan: Sendable {
        let patient: PatientRecord
        let practitioner: PractitionerRecord
        let settings: ClinicSettings
        let messaging: MessagingSettings
        let textsWanted: Bool
        let checklist: FirstVisitChecklist
        let portalLink: String

        var phone: String? { patient.phone.flatMap { $0.isEmpty ? nil : $0 } }
        var textsGo: Bool { textsWanted && phone != nil }

        func recipient(_ channel: MessageChannel) -> String? {
            channel == .email ? patient.email : phone
        }
    }

    func messagePlan(patient: PatientRecord, practitioner: PractitionerRecord, settings: ClinicSettings) async throws -> MessagePlan {
        let context = try await services.messagingStore.context(clinicID: patient.clinicID, patientID: patient.id)
        let checklist = try await MessagingService.checklist(
            patientID: patient.id, clinicID: patient.clinicID, intakeDone: context.intakeDone, services: services)
        return MessagePlan(
            patient: patient, practitioner: practitioner, settings: settings, messaging: context.settings, textsWanted: context.textsWanted,
            checklist: checklist, portalLink: services.publicURL + "/me#before-first-visit")
    }

    /// The reminders of each visit, due the clinic's chosen hours before it.
    func reminders(_ plan: MessagePlan) -> @Sendable (NewAppointment, UUID) -> [OutboxDraft] {
        let zone = plan.settings.zone
        let contact = plan.settings.contact
        let call = contact.phone.isEmpty ? "call the clinic" : "call \(contact.displayName) on \(contact.phone)"
        return { appointment, _ in
            let due = appointment.start.addingTimeInterval(-Double(plan.messaging.reminderHours) * 3600)
            let when = DisplayTime.format(appointment.start, in: zone)
            return plan.messaging.reminderChannels(hasEmail: plan.patient.email != nil, textsWanted: plan.textsGo).compactMap { channel in
                guard let recipient = plan.recipient(channel) else { return nil }
                switch channel {
                case .email:
                    return OutboxDraft(
                        kind: "reminder", recipient: recipient,
                        subject: "Reminder: acupuncture \(Self.relativeDay(hours: plan.messaging.reminderHours)) at \(DisplayTime.clock(appointment.start, in: zone))",
                        body: """
                            Hello \(plan.patient.givenName),

                            This is a reminder of your \(appointment.kind.rawValue) with \(plan.practitioner.name) on \(when).

                            Wear loose clothing that lets the practitioner reach your back. Some people feel sore or very tired a few hours after a session; plan a quiet evening and do not drive if you feel drowsy.

                            To cancel or move the visit, sign in to Acuback or \(call).
                            """,
                        availableAt: due, channel: .email)
                case .sms:
                    return OutboxDraft(
                        kind: "reminder", recipient: recipient, subject: "Reminder",
                        body: "Reminder: your acupuncture \(appointment.kind.rawValue) with \(plan.practitioner.name) is on \(when). To cancel or move it, sign in to Acuback or \(call).",
                        availableAt: due, channel: .sms)
                }
            }
        }
    }

    /// The confirmation of a booking (one for a whole course), sent at once.
    func confirmation(_ plan: MessagePlan, of appointments: [NewAppointment]) -> [OutboxDraft] {
        guard let first = appointments.min(by: { $0.start < $1.start }) else { return [] }
        let zone = plan.settings.zone
        let times = appointments.sorted { $0.start < $1.start }.map { DisplayTime.format($0.start, in: zone) }
        let todo = [plan.checklist.intakeDone ? nil : "fill in the intake form", plan.checklist.consentDone ? nil : "read and sign the consent"]
            .compactMap { $0 }
        return plan.messaging.confirmationChannels(hasEmail: plan.patient.email != nil, textsWanted: plan.textsGo).compactMap { channel in
            guard let recipient = plan.recipient(channel) else { return nil }
            switch channel {
            case .email:
                let before = todo.isEmpty
                    ? "You can see and manage your visits in your patient portal: \(plan.portalLink)"
                    : "Before your first visit, please \(todo.joined(separator: " and ")) in your patient portal: \(plan.portalLink)"
                return OutboxDraft(
                    kind: "confirmation", recipient: recipient,
                    subject: "Booked: acupuncture on \(DisplayTime.format(first.start, in: zone))",
                    body: """
                        Hello \(plan.patient.givenName),

                        Your \(first.kind.rawValue)\(appointments.count > 1 ? " course" : "") with \(plan.practitioner.name) is booked:
                        \(times.map { "- \($0)" }.joined(separator: "\n"))

                        \(before)
                        """,
                    channel: .email)
            case .sms:
                let before = todo.isEmpty ? "Your visits: \(plan.portalLink)" : "Before your first visit, please \(todo.joined(separator: " and ")): \(plan.portalLink)"
                return OutboxDraft(
                    kind: "confirmation", recipient: recipient, subject: "Booked",
                    body: "Booked: acupuncture with \(plan.practitioner.name) on \(times[0])\(times.count > 1 ? " and \(times.count - 1) more" : ""). \(before)",
                    channel: .sms)
            }
        }
    }

    /// "tomorrow" for the usual day-before reminder; otherwise how far ahead.
    static func relativeDay(hours: Int) -> String {
        switch hours {
        case 24: "tomorrow"
        case ..<24: "in \(hours) hour\(hours == 1 ? "" : "s")"
        default: "in \(hours / 24) day\(hours / 24 == 1 ? "" : "s")"
        }
    }
}
