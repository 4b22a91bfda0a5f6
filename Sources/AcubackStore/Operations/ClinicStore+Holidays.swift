import AcubackCore
import FluentKit
import Foundation

/// Days the whole clinic is closed.
extension ClinicStore {
    public func holidays(clinicID: UUID) async throws -> [ClinicHoliday] {
        try await settings(clinicID: clinicID).holidays
    }

    static func holidays(clinicID: UUID, on db: any Database) async throws -> [ClinicHoliday] {
        try await ClinicHolidayModel.query(on: db).filter(\.$clinicID == clinicID).sort(\.$day).all().compactMap { model in
            CalendarDay(model.day).map { ClinicHoliday(day: $0, label: model.label) }
        }
    }

    /// Closes the clinic on a day. Bookings already made that day are left for the desk to move.
    public func addHoliday(_ holiday: ClinicHoliday, clinicID: UUID, audit: AuditEntry? = nil, at now: Date = Date()) async throws {
        var holiday = holiday
        holiday.label = holiday.label.trimmingCharacters(in: .whitespacesAndNewlines)
        try holiday.validate()
        let day = holiday.day.description
        let label = holiday.label
        try await change(audit, at: now) { db in
            if try await ClinicHolidayModel.query(on: db).filter(\.$clinicID == clinicID).filter(\.$day == day).first() != nil {
                throw ValidationError(field: "day", rule: "\(day) is already a holiday")
            }
            let model = ClinicHolidayModel()
            model.clinicID = clinicID
            model.day = day
            model.label = label
            try await model.create(on: db)
            return ((), day)
        }
    }

    /// Opens the clinic again on a day.
    public func removeHoliday(on day: CalendarDay, clinicID: UUID, audit: AuditEntry? = nil, at now: Date = Date()) async throws {
        let text = day.description
        try await change(audit, at: now) { db in
            guard let model = try await ClinicHolidayModel.query(on: db).filter(\.$clinicID == clinicID).filter(\.$day == text).first() else {
                throw ValidationError(field: "day", rule: "\(text) is not a holiday")
            }
            try await model.delete(on: db)
            return ((), text)
        }
    }
}
