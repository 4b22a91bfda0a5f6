import AcubackCore
import Foundation
import Testing

@testable import AcubackServer
@testable import AcubackServices
@testable import AcubackStore

@Suite struct CourseViewTests {
    let utc = TimeZone(identifier: "UTC")!
    var progress: CourseProgress { CourseChartsTests.progress }

    @Test func theStaffSummaryLeavesThePatientsKeysOutSoThePageAroundItKeepsItsOwn() {
        let staff = mustacheValues(of: CourseView(progress, zone: utc))
        #expect(staff["forPatient"] == nil && staff["plainName"] == nil && staff["extension"] == nil)
        #expect(staff["protocol"] as? String == "Cherkin 2009" && staff["region"] as? String == "lower")
        let own = mustacheValues(of: CourseView(progress, zone: utc, forPatient: true))
        #expect(own["forPatient"] as? Bool == true)
        #expect(own["plainName"] as? String == "Your course of 10 treatments")
    }

    @Test func theSavedNoticeFollowsTheRedirectsQueryWhateverItsCase() {
        func page(_ saved: String?) -> CoursePage {
            CoursePage(
                progress, charts: nil, patientName: "Ann", settings: .standard, zone: utc, forPatient: false, saved: saved, forms: nil,
                measureError: nil, reviewError: nil)
        }
        #expect(page("measures").savedMeasures == true && page("measures").savedReview == nil)
        #expect(page("REVIEW").savedReview == true && page("REVIEW").savedMeasures == nil)
        #expect(page("other").savedMeasures == nil && page("other").savedReview == nil)
        #expect(page(nil).savedMeasures == nil)
    }

    @Test func eachChartReachesTheTemplateWithItsTableRowsAsCells() throws {
        let figure = try #require(CourseCharts(progress: progress, settings: .standard, zone: utc).figures.first)
        #expect(figure.view.rows.map(\.cells) == figure.rows)
        #expect(figure.view.id == figure.id && figure.view.about == nil)
    }

    @Test func aRefusedMeasuresFormKeepsWhatWasTypedAndLeavesTheEmptyFieldsOut() {
        let typed = FormFields(values: ["timepoint": ["review"], "painNow": ["x"], "activity0": ["Gardening"], "activityScore0": [""]])
        let forms = CourseForms(progress, settings: .standard, form: typed, zone: utc)
        #expect(forms.painNow == "x" && forms.painWorst == nil)
        #expect(forms.activities[0].name == "Gardening" && forms.activities[0].score == nil)
        #expect(forms.activities[1].name == nil, "a typed form does not fall back to the baseline's activities")
        #expect(forms.timepoints.map(\.value) == MeasureTimepoint.allCases.filter { $0 != .baseline }.map(\.rawValue))
        #expect(forms.timepoints.filter { $0.selected == true }.map(\.value) == ["review"])
        #expect(forms.canReview == true, "a baseline and a closed session")
    }
}
