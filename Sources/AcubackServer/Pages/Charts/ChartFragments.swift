import AcubackCore
import AcubackServices
import Foundation
import Mustache
import Synchronization

/// A course's charts rendered to HTML, kept while what they are drawn from is unchanged. An entry
/// holds the very values it was drawn from and is used only when they equal the course's as read
/// now, so it cannot go stale; no version has to be raised by the writes that change a course.
/// Drawing and rendering the four charts was the chart page's largest single part after the reads.
final class ChartFragments: Sendable {
    /// What one course's charts are drawn from, besides the course itself.
    struct Drawing: Equatable, Sendable {
        let progress: CourseProgress
        let settings: OutcomeSettings
        let zone: TimeZone
        let forPatient: Bool
        let language: Language
    }

    private struct Key: Hashable {
        let courseID: UUID
        let forPatient: Bool
        let language: Language
    }

    private struct Entry {
        let drawing: Drawing
        let html: String
    }

    /// Enough for every course a busy clinic's staff open in a day; past it the oldest half goes.
    static let capacity = 2_000

    private let entries = Mutex<(byKey: [Key: Entry], order: [Key])>(([:], []))

    /// The charts' HTML for `drawing`, from memory when drawn from the same values before;
    /// nil when the course has nothing to chart.
    func html(for drawing: Drawing, library: MustacheLibrary) -> String? {
        let key = Key(courseID: drawing.progress.course.id, forPatient: drawing.forPatient, language: drawing.language)
        if let kept = entries.withLock({ $0.byKey[key] }), kept.drawing == drawing { return kept.html }
        let charts = CourseCharts(progress: drawing.progress, settings: drawing.settings, zone: drawing.zone, forPatient: drawing.forPatient)
            .figures.map(\.view)
        guard !charts.isEmpty else { return nil }
        let html = library.render(["charts": mustacheValue(charts)], withTemplate: "course-charts") ?? ""
        keep(Entry(drawing: drawing, html: html), under: key)
        return html
    }

    private func keep(_ entry: Entry, under key: Key) {
        entries.withLock { cache in
            if cache.byKey.updateValue(entry, forKey: key) == nil { cache.order.append(key) }
            if cache.order.count > Self.capacity {
                let gone = cache.order.prefix(Self.capacity / 2)
                for old in gone { cache.byKey[old] = nil }
                cache.order.removeFirst(gone.count)
            }
        }
    }

    var count: Int { entries.withLock { $0.byKey.count } }
}
