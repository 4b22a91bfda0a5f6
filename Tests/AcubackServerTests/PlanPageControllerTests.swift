import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct PlanPageControllerTests {
    @Test func theEmptyFormShowsNoPlan() async throws {
        try await withTestWorld { client, world in
            try await client.execute(uri: "/plan", method: .get, headers: world.headers(.practitioner)) { response in
                #expect(response.status == .ok)
                let html = response.body.text
                #expect(html.contains(#"name="regions""#))
                #expect(!html.contains(#"id="plan-title""#))
            }
        }
    }

    @Test func aSubmittedAssessmentShowsThePlanOnTheChart() async throws {
        try await withTestWorld { client, world in
            try await client.execute(uri: "/plan?check=1&regions=lower&side=both&levels=L4&levels=L5&onset=chronic", method: .get, headers: world.headers(.practitioner)) { response in
                #expect(response.status == .ok)
                let html = response.body.text
                #expect(html.contains(#"<svg xmlns="http://www.w3.org/2000/svg""#))
                #expect(html.contains(#"data-region="lower" data-painful="true""#))
                #expect(!html.contains(#"data-region="upper" data-painful"#))
                #expect(html.contains(#"data-point="BL25" data-side="left" data-role="local""#))
                #expect(html.contains(#"data-point="AH9""#))
                #expect(html.contains("Brinkhaus 2006"))
                #expect(html.contains(#"value="L4" checked"#), "the form keeps what was entered")
            }
        }
    }

    @Test func findingsCanBeAcknowledgedFromThePage() async throws {
        try await withTestWorld { client, world in
            let base = "/plan?check=1&regions=lower&side=both&onset=chronic&anticoagulants=on"
            try await client.execute(uri: base, method: .get, headers: world.headers(.practitioner)) { response in
                let html = response.body.text
                #expect(html.contains(#"data-finding="bleeding.anticoagulants""#))
                #expect(html.contains("1 warning(s) to acknowledge"))
            }
            try await client.execute(uri: base + "&acknowledged=bleeding.anticoagulants", method: .get, headers: world.headers(.practitioner)) { response in
                #expect(response.body.text.contains("Ready to use"))
            }
        }
    }

    /// The badge in the proposed plan says what the plan does: asked for, electroacupuncture is
    /// still left out for a patient with an implanted device, while the form keeps the tick.
    @Test func theElectroacupunctureBadgeFollowsThePlanNotTheForm() async throws {
        try await withTestWorld { client, world in
            let base = "/plan?check=1&regions=lower&side=both&onset=chronic&electroacupuncture=on"
            let badge = #"<span class="badge">Electroacupuncture</span>"#
            try await client.execute(uri: base, method: .get, headers: world.headers(.practitioner)) { response in
                #expect(response.body.text.contains(badge))
            }
            try await client.execute(uri: base + "&implantedDevice=on", method: .get, headers: world.headers(.practitioner)) { response in
                let html = response.body.text
                #expect(html.contains(#"id="plan-title""#))
                #expect(!html.contains(badge))
                #expect(html.contains(#"name="electroacupuncture" value="on" checked"#), "the form keeps what was asked")
            }
        }
    }

    @Test func badInputIsExplainedNextToTheForm() async throws {
        try await withTestWorld { client, world in
            try await client.execute(uri: "/plan?check=1&regions=upper&side=left&onset=acute&levels=L4&bmi=tall", method: .get, headers: world.headers(.practitioner)) { response in
                #expect(response.status == .badRequest)
                let html = response.body.text
                // Each field named in words, not by its API path.
                #expect(html.contains("<strong>BMI</strong>: must be a number"))
                #expect(html.contains("<strong>Levels</strong>: L4 is in the lower back"))
                #expect(!html.contains(#"id="plan-title""#))
            }
        }
    }

    @Test func whatUsersTypeIsEscaped() async throws {
        try await withTestWorld { client, world in
            try await client.execute(uri: "/plan?check=1&regions=lower&side=both&onset=chronic&bmi=%3Cscript%3Ealert(1)%3C/script%3E", method: .get, headers: world.headers(.practitioner)) { response in
                let html = response.body.text
                #expect(!html.contains("<script>alert(1)</script>"))
                #expect(html.contains("&lt;script&gt;"))
            }
        }
    }
}
