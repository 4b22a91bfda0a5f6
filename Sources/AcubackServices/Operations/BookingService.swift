import AcubackCore
import AcubackStore
import Foundation

/// Books, moves and cancels appointments and courses: loads what the rules need, asks the one
/// booking check in AcubackCore, and lets the database have the last word on double bookings.
public struct BookingService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    var clinics: ClinicStore { services.clinicStore }
    /// Tries at a time whose room another booking took first; enough for a busy front desk.
    public static let roomAttempts = 6
    var bookings: BookingStore { services.bookingStore }

    /// The rules and calendars for `clinicID` between `from` and `to`.
    public func calendars(clinicID: UUID, from: Date, to: Date, excluding: UUID? = nil, settings known: ClinicSettings? = nil) async throws
        -> (SlotFinder, [PractitionerRecord], [UUID: [BusyInterval]])
    {
        let directory = try await clinics.directory(clinicID: clinicID)
        let busy = try await bookings.busy(clinicID: clinicID, from: from, to: to, excluding: excluding)
        // A retired room takes no new bookings; its existing ones simply stay where they are.
        let rooms = directory.activeRooms.map { RoomCalendar(roomID: $0.id, name: $0.name, busy: BusyTimes(busy.rooms[$0.id] ?? [])) }
        return (SlotFinder(settings: known ?? directory.settings, rooms: rooms), directory.practitioners, busy.practitioners)
    }

    /// Free times for one practitioner, or for every practitioner certified in the window.
    public func freeSlots(clinicID: UUID, practitionerID: UUID?, kind: AppointmentKind, from: Date, to: Date, limit: Int = 60) async throws -> [Slot] {
        let (finder, practitioners, busy) = try await calendars(clinicID: clinicID, from: from, to: to)
        let chosen = practitioners.filter { practitionerID == nil || $0.id == practitionerID }
        let minutes = finder.settings.minutes(for: kind)
        let slots = chosen.flatMap { practitioner in
            finder.freeSlots(for: practitioner.calendar(busy: busy[practitioner.id] ?? []), minutes: minutes, from: from, to: to, now: services.now(), limit: limit)
        }
        return Array(slots.sorted { ($0.start, $0.practitionerID.uuidString) < ($1.start, $1.practitionerID.uuidString) }.prefix(limit))
    }

    /// What the patient may book for themselves, by the clinic's setting and their plan.
    public func selfBookableKinds(patientID: UUID, settings: ClinicSettings) async throws -> [AppointmentKind] {
        PatientSelfBooking.kinds(settings: settings, hasPlan: try await services.sessionStore.currentPlan(patientID: patientID) != nil)
    }

    /// Books one appointment after checking every rule; with no practitioner named, the first
    /// certified practitioner free at that time. A patient books for themselves under
    /// `PatientSelfBooking`. The booking and its audit event are stored together.
    public func book(
        clinicID: UUID, patientID: UUID, practitionerID: UUID?, kind: AppointmentKind, start: Date, by actor: Actor?, from address: String?
    ) async throws -> AppointmentRecord {
        let selfBooked = actor?.role == .patient
        guard let patient = try await services.patientStore.patient(id: patientID), patient.clinicID == clinicID else {
            throw BookingError.unknown(field: "patientId", record: "patient")
        }
        let settings = try await clinics.settings(clinicID: clinicID)
        if selfBooked {
            let hasPlan = try await services.sessionStore.currentPlan(patientID: patientID) != nil
            do {
                try PatientSelfBooking.check(kind, settings: settings, hasPlan: hasPlan)
            } catch {
                throw BookingError.invalid(error)
            }
        }
        if kind == .consultation, let full = try await firstConsultationsFull(clinicID: clinicID, patientID: patientID, settings: settings) {
            throw full
        }
        let minutes = settings.minutes(for: kind)
        var firstRefusal: BookingRefusal?
        var plans: [UUID: MessagePlan] = [:]
        // Rooms are handed out first-free, so two bookings at the same moment can pick the same
        // room; the loser looks again, since another room (or practitioner) may still be free.
        attempts: for attempt in 1...Self.roomAttempts {
            firstRefusal = nil
            let (finder, practitioners, busy) = try await calendars(
                clinicID: clinicID, from: start.addingTimeInterval(-86_400), to: start.addingTimeInterval(86_400), settings: settings)
            let candidates: [PractitionerRecord]
            if let practitionerID {
                guard let practitioner = practitioners.first(where: { $0.id == practitionerID }) else {
                    throw BookingError.unknown(field: "practitionerId", record: "practitioner")
                }
                candidates = [practitioner]
            } else {
                candidates = practitioners
            }
            for practitioner in candidates {
                switch finder.check(start: start, minutes: minutes, practitioner: practitioner.calendar(busy: busy[practitioner.id] ?? []), now: services.now()) {
                case .success(let room):
                    // The other free rooms go with it: should another booking take this room first,
                    // the store puts this one in the next free room within the same commit.
                    let spare = finder.freeRooms(start: start, minutes: minutes).map(\.roomID).filter { $0 != room?.roomID }
                    let new = NewAppointment(
                        clinicID: clinicID, patientID: patientID, practitionerID: practitioner.id, roomID: room?.roomID, spareRooms: spare,
                        kind: kind, start: start, minutes: minutes)
                    do {
                        if plans[practitioner.id] == nil {
                            plans[practitioner.id] = try await messagePlan(patient: patient, practitioner: practitioner, settings: settings)
                        }
                        let plan = plans[practitioner.id]!
                        let booked = try await bookings.book(
                            [new], messages: reminders(plan), confirmation: confirmation(plan, of: [new]), now: services.now(),
                            audit: services.entry(.appointmentBook, by: actor, clinicID: clinicID, patientID: patientID, recordType: .appointment, from: address)
                        ).appointments[0]
                        return named(booked, patient: patient, practitioner: practitioner, room: finder.rooms.first { $0.roomID == booked.roomID })
                    } catch let taken as SlotTaken where taken.resource == "room" && attempt < Self.roomAttempts {
                        continue attempts
                    } catch let taken as SlotTaken {
                        throw BookingError.taken(describe(taken, settings))
                    }
                case .failure(let refusal):
                    firstRefusal = firstRefusal ?? refusal
                }
            }
            break
        }
        throw BookingError.refused(firstRefusal ?? .outsideWorkingHours("that time"), settings.zone)
    }

    /// The refusal a new first consultation of the patient meets when they already hold as many
    /// as the clinic allows; nil when they may book one.
    func firstConsultationsFull(clinicID: UUID, patientID: UUID, settings: ClinicSettings) async throws -> BookingError? {
        let open = try await bookings.appointments(
            clinicID: clinicID, from: services.now(), to: .distantFuture, patientID: patientID, limit: 500
        ).filter { $0.kind == .consultation && $0.status.isOpen }
        guard open.count >= settings.openFirstConsultations, let next = open.first else { return nil }
        return BookingError.firstConsultationsFull(allowed: settings.openFirstConsultations, next: next.start, settings.zone)
    }

    /// The earliest course that fits, without booking it, around the patient's own bookings too.
    public func proposeCourse(clinicID: UUID, patientID: UUID, request: CourseRequest) async throws -> (ProposedCourse, PractitionerRecord) {
        guard try await services.patientStore.patient(id: patientID)?.clinicID == clinicID else {
            throw BookingError.unknown(field: "patientId", record: "patient")
        }
        do {
            try request.validate()
        } catch {
            throw BookingError.invalid(error)
        }
        let horizonEnd = max(request.earliest, services.now()).addingTimeInterval(Double(request.horizonWeeks * 7 + 1) * 86_400)
        let (finder, practitioners, busy) = try await calendars(clinicID: clinicID, from: services.now(), to: horizonEnd)
        if let preferred = request.preferredPractitionerID, !practitioners.contains(where: { $0.id == preferred }) {
            throw BookingError.unknown(field: "practitionerId", record: "practitioner")
        }
        // The patient cannot be in two places: their bookings count as busy for every practitioner.
        let patientBusy = try await bookings.patientBusy(patientID: patientID, from: services.now(), to: horizonEnd)
        let calendars = practitioners.map { $0.calendar(busy: (busy[$0.id] ?? []) + patientBusy) }
        switch CourseFinder(finder: finder).find(request, practitioners: calendars, now: services.now()) {
        case .success(let course):
            return (course, practitioners.first { $0.id == course.practitionerID }!)
        case .failure(let failure):
            throw BookingError.noFit(failure)
        }
    }

    /// Finds and books a whole course in one action, all or nothing.
    /// The course keeps the patient's current plan, the painful regions of their newest
    /// assessment and the regimen, which the reviews and analytics read later.
    /// With `expecting`, the times the desk was shown: when the course found now differs (someone
    /// took one meanwhile), nothing is booked and `.proposalChanged` carries the new times.
    public func bookCourse(
        clinicID: UUID, patientID: UUID, request: CourseRequest, regimen: Regimen? = nil, extending originalID: UUID? = nil,
        expecting shown: [Date]? = nil, by actor: Actor?, from address: String?
    ) async throws -> (CourseRecord, [AppointmentRecord]) {
        guard let patient = try await services.patientStore.patient(id: patientID), patient.clinicID == clinicID else {
            throw BookingError.unknown(field: "patientId", record: "patient")
        }
        if let originalID {
            guard let original = try await bookings.course(id: originalID), original.patientID == patientID, original.extendsCourseID == nil else {
                throw BookingError.invalid(ValidationError(field: "extendsCourseId", rule: "must be a course of this patient that is not itself an extension"))
            }
        }
        let plan = try await services.sessionStore.currentPlan(patientID: patientID)
        let regions = try await services.patientStore.clinical(patientID: patientID)?.assessments.first?.assessment.regions ?? []
        let (course, practitioner) = try await proposeCourse(clinicID: clinicID, patientID: patientID, request: request)
        if let shown, shown != course.slots.map(\.start) {
            throw BookingError.proposalChanged(course, practitioner)
        }
        let settings = try await clinics.settings(clinicID: clinicID)
        let appointments = course.slots.map {
            NewAppointment(clinicID: clinicID, patientID: patientID, practitionerID: $0.practitionerID, roomID: $0.roomID,
                           kind: request.kind, start: $0.start, minutes: $0.minutes)
        }
        let draft = CourseRecordDraft(
            clinicID: clinicID, patientID: patientID, practitionerID: practitioner.id, sessions: request.sessions,
            perWeek: request.perWeek, kind: request.kind, regimen: regimen ?? .clinic(sessions: request.sessions, perWeek: request.perWeek),
            planID: plan?.id, region: regions.isEmpty ? nil : regions.map(\.rawValue).joined(separator: " + "),
            protocolName: plan?.plan.protocolName, extendsCourseID: originalID)
        do {
            let plan = try await messagePlan(patient: patient, practitioner: practitioner, settings: settings)
            let result = try await bookings.book(
                appointments, course: draft, messages: reminders(plan), confirmation: confirmation(plan, of: appointments), now: services.now(),
                audit: services.entry(.courseBook, by: actor, clinicID: clinicID, patientID: patientID, recordType: .course, from: address))
            let named = try await courseVisits(result.course!.id)
            return (result.course!, named.isEmpty ? result.appointments : named)
        } catch let taken as SlotTaken {
            throw BookingError.taken(describe(taken, settings))
        }
    }

    /// The audit event of a change to `appointment`.
    func entry(_ action: AuditAction, _ appointment: AppointmentRecord, by actor: Actor, from address: String?) -> AuditEntry {
        services.entry(action, by: actor, clinicID: appointment.clinicID, patientID: appointment.patientID, recordType: .appointment, from: address)
    }

    /// Cancels a booked visit; answers it as it now stands.
    @discardableResult
    public func cancel(_ appointment: AppointmentRecord, by actor: Actor, from address: String?) async throws -> AppointmentRecord {
        let settings = try await clinics.settings(clinicID: appointment.clinicID)
        guard settings.allowsChange(of: appointment.start, by: actor.role, now: services.now()) else {
            throw BookingError.tooLate(hours: settings.noticeHours, phone: settings.contact.phone)
        }
        // The freed time goes to the first patient waiting for it, in the cancel's own transaction.
        let offer = try await services.waitlist.offer(
            for: FreedTime(practitionerID: appointment.practitionerID, start: appointment.start, minutes: appointment.minutes),
            clinicID: appointment.clinicID, freedBy: appointment.patientID, excluding: appointment.id, now: services.now())
        try await bookings.cancel(
            id: appointment.id, audit: entry(.appointmentCancel, appointment, by: actor, from: address), now: services.now(), offer: offer)
        return try await bookings.appointment(id: appointment.id) ?? appointment
    }

    public func reschedule(_ appointment: AppointmentRecord, to start: Date, by actor: Actor, from address: String?) async throws -> AppointmentRecord {
        let role = actor.role
        let settings = try await clinics.settings(clinicID: appointment.clinicID)
        guard settings.allowsChange(of: appointment.start, by: role, now: services.now()),
              settings.allowsChange(of: start, by: role, now: services.now())
        else { throw BookingError.tooLate(hours: settings.noticeHours, phone: settings.contact.phone) }
        // The appointment's own time does not stand in its way.
        let (finder, practitioners, busy) = try await calendars(
            clinicID: appointment.clinicID, from: start.addingTimeInterval(-86_400), to: start.addingTimeInterval(86_400),
            excluding: appointment.id, settings: settings)
        guard let practitioner = practitioners.first(where: { $0.id == appointment.practitionerID }),
              let patient = try await services.patientStore.patient(id: appointment.patientID)
        else { throw BookingError.invalid(ValidationError(field: "appointmentId", rule: "the appointment's practitioner is gone")) }
        switch finder.check(start: start, minutes: appointment.minutes, practitioner: practitioner.calendar(busy: busy[practitioner.id] ?? []), now: services.now()) {
        case .failure(let refusal):
            throw BookingError.refused(refusal, settings.zone)
        case .success(let room):
            let new = NewAppointment(
                clinicID: appointment.clinicID, patientID: patient.id, practitionerID: practitioner.id, roomID: room?.roomID,
                kind: appointment.kind, start: start, minutes: appointment.minutes)
            let drafts = reminders(try await messagePlan(patient: patient, practitioner: practitioner, settings: settings))(new, appointment.id)
            // The old time, when the move leaves it wholly free, goes to the first patient waiting.
            let freed = FreedTime(practitionerID: appointment.practitionerID, start: appointment.start, minutes: appointment.minutes)
            let overlaps = start < appointment.start.addingTimeInterval(Double(appointment.minutes) * 60)
                && appointment.start < start.addingTimeInterval(Double(appointment.minutes) * 60)
            let offer = overlaps ? nil : try await services.waitlist.offer(
                for: freed, clinicID: appointment.clinicID, freedBy: appointment.patientID, excluding: appointment.id, now: services.now())
            do {
                guard let moved = try await bookings.reschedule(
                    id: appointment.id, to: start, roomID: room?.roomID, reminders: drafts, now: services.now(),
                    audit: entry(.appointmentReschedule, appointment, by: actor, from: address), offer: offer)
                else {
                    throw BookingError.invalid(ValidationError(field: "appointmentId", rule: "no such appointment"))
                }
                return named(moved, patient: patient, practitioner: practitioner, room: room)
            } catch let taken as SlotTaken {
                throw BookingError.taken(describe(taken, settings))
            }
        }
    }

    /// The desk's arrival or no-show mark, by the one attendance rule.
    public func mark(_ appointment: AppointmentRecord, as mark: AttendanceMark, by actor: Actor, from address: String?) async throws -> AppointmentRecord {
        // The desk marks arrivals; a patient does not mark their own.
        try AccessPolicy.require(actor, .readSchedule, .clinic(appointment.clinicID))
        let settings = try await clinics.settings(clinicID: appointment.clinicID)
        switch Attendance.check(mark, status: appointment.status, start: appointment.start, now: services.now(), zone: settings.zone) {
        case .failure(let refusal):
            throw BookingError.attendance(refusal)
        case .success(let status):
            guard let marked = try await bookings.mark(
                id: appointment.id, as: status, audit: entry(mark == .arrived ? .appointmentArrived : .appointmentNoShow, appointment, by: actor, from: address), now: services.now())
            else {
                throw BookingError.attendance(.notBooked((try await bookings.appointment(id: appointment.id))?.status ?? .cancelled))
            }
            var named = marked
            (named.patientName, named.practitionerName, named.roomName) = (appointment.patientName, appointment.practitionerName, appointment.roomName)
            return named
        }
    }

    /// The record with its patient's, practitioner's and room's names, as the desk shows it, from
    /// the records the booking already holds rather than read back after the write.
    func named(_ record: AppointmentRecord, patient: PatientRecord, practitioner: PractitionerRecord, room: RoomCalendar?) -> AppointmentRecord {
        var named = record
        (named.patientName, named.practitionerName, named.roomName) = (patient.name, practitioner.name, room?.name ?? "")
        return named
    }

    public func describe(_ taken: SlotTaken, _ settings: ClinicSettings) -> String {
        "the \(taken.resource) already has a booking at \(DisplayTime.format(taken.conflictingStart, in: settings.zone))"
    }
}
