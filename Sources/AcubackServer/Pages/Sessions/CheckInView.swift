import AcubackServices
import AcubackCore
import Foundation

/// A check-in in words, for the session page and the patient's record.
enum CheckInView {
    static func context(_ record: CheckInRecord, zone: TimeZone) -> [String: Any] {
        let checkIn = record.checkIn
        var effects: [String] = []
        if checkIn.soreness > 0 {
            effects.append("soreness \(checkIn.soreness)/10" + (checkIn.sorenessHoursAfter.map { ", from about \($0) hours after" } ?? ""))
        }
        if checkIn.tiredness { effects.append("tiredness") }
        if checkIn.neededSleep { effects.append("needed to sleep") }
        if checkIn.bruising { effects.append("bruising") }
        if checkIn.breathlessness { effects.append("short of breath") }
        var values: [String: Any] = [
            "enteredAt": DisplayTime.format(record.enteredAt, in: zone), "enteredBy": record.enteredByRole.rawValue,
            "effects": effects.isEmpty ? "no after-effects" : effects.joined(separator: ", "), "serious": checkIn.isSerious,
        ]
        // Mustache shows a section for any string, even an empty one.
        if !checkIn.other.isEmpty { values["other"] = checkIn.other }
        return values
    }
}
