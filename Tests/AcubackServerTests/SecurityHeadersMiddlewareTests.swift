import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct SecurityHeadersMiddlewareTests {
    @Test(arguments: ["/", "/login", "/api/v1/points?limit=1", "/static/css/acuback.css", "/no/such/page", "/api/v1/patients", "/patients", "/healthz"])
    func everyAnswerCarriesTheHeaders(path: String) async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: path, method: .get) { response in
                let policy = try #require(response.headers[HTTPField.Name("Content-Security-Policy")!], "\(path) \(response.status)")
                #expect(policy.contains("script-src 'self'") && !policy.contains("script-src 'self' 'unsafe-inline'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                // Nothing with patient data is kept by a browser or proxy; the stylesheet may be.
                #expect((response.headers[.cacheControl] == "no-store") == !path.hasPrefix("/static/"), "\(path)")
            }
        }
    }

    @Test func noTemplateHasInlineScript() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/AcubackServer/Resources/Templates")
        let templates = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "mustache" }
        #expect(templates.count > 20)
        for template in templates {
            let text = try String(contentsOf: template, encoding: .utf8)
            let scripts = text.components(separatedBy: "<script").dropFirst()
            #expect(scripts.allSatisfy { $0.hasPrefix(" src=") }, "\(template.lastPathComponent) has an inline script")
            #expect(text.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil, "\(template.lastPathComponent) has an event handler attribute")
            #expect(!text.contains("javascript:"), "\(template.lastPathComponent) has a javascript: link")
        }
    }
}
