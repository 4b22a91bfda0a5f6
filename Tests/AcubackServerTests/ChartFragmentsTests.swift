import AcubackCore
import Foundation
import Mustache
import Testing

@testable import AcubackServer
@testable import AcubackServices
@testable import AcubackStore

/// A course's rendered charts are kept only for the very values they were drawn from.
@Suite struct ChartFragmentsTests {
    let utc = TimeZone(identifier: "UTC")!
    var progress: CourseProgress { CourseChartsTests.progress }

    func library() async throws -> MustacheLibrary { try await PageRenderer.load().library }

    func drawing(_ progress: CourseProgress, forPatient: Bool = false, zone: TimeZone? = nil) -> ChartFragments.Drawing {
        .init(progress: progress, settings: .standard, zone: zone ?? utc, forPatient: forPatient, language: .english)
    }

    @Test func theSameCourseIsDrawnOnceAndAsTheTemplateDrawsIt() async throws {
        let library = try await library()
        let fragments = ChartFragments()
        let first = try #require(fragments.html(for: drawing(progress), library: library))
        let figures = CourseCharts(progress: progress, settings: .standard, zone: utc).figures.map(\.view)
        #expect(first == library.render(["charts": mustacheValue(figures)], withTemplate: "course-charts"))
        #expect(first.contains("<figure class=\"outcome-figure\""))
        #expect(fragments.html(for: drawing(progress), library: library) == first)
        #expect(fragments.count == 1)
    }

    @Test func aNewMeasureOrAnotherReaderOrZoneIsDrawnAfresh() async throws {
        let library = try await library()
        let fragments = ChartFragments()
        let before = try #require(fragments.html(for: drawing(progress), library: library))
        let measured = CourseProgress(
            course: progress.course,
            measures: progress.measures + [CourseChartsTests.measure(.followUp, day: 60, OutcomeMeasures(painNow: 1, painAverageWeek: 2))],
            sessions: progress.sessions, reviews: progress.reviews)
        let after = try #require(fragments.html(for: drawing(measured), library: library))
        #expect(after != before, "the entry was drawn from other values")
        #expect(after.contains("25 Dec (follow-up)"))
        #expect(!before.contains("25 Dec (follow-up)"))
        let own = try #require(fragments.html(for: drawing(measured, forPatient: true), library: library))
        #expect(own != after, "the patient's own charts are worded for them")
        let tokyo = try #require(fragments.html(for: drawing(measured, zone: TimeZone(identifier: "Asia/Tokyo")), library: library))
        #expect(tokyo != after, "dates fall in the clinic's zone")
        #expect(fragments.html(for: drawing(measured), library: library) == after, "drawn for UTC again, not taken from the Tokyo entry")
    }

    @Test func aCourseWithNothingToChartHasNoFragment() async throws {
        let empty = CourseProgress(course: progress.course, measures: [], sessions: [], reviews: [])
        #expect(ChartFragments().html(for: drawing(empty), library: try await library()) == nil)
    }

    @Test func pastItsCapacityTheOldestHalfGoes() async throws {
        let library = try await library()
        let fragments = ChartFragments()
        for _ in 0...ChartFragments.capacity {
            let course = progress.course
            let other = CourseRecord(
                id: UUID(), clinicID: course.clinicID, patientID: course.patientID, practitionerID: course.practitionerID, sessions: course.sessions,
                perWeek: course.perWeek, kind: course.kind, status: course.status, createdAt: course.createdAt, regimen: course.regimen,
                planID: nil, region: course.region, protocolName: course.protocolName, extendsCourseID: nil, baselineMeasureID: nil, latestMeasureID: nil)
            _ = fragments.html(for: drawing(CourseProgress(course: other, measures: progress.measures, sessions: [], reviews: [])), library: library)
        }
        #expect(fragments.count == ChartFragments.capacity / 2 + 1)
    }
}
