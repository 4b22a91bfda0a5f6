import Foundation
import Testing

/// The layers of DESIGN.md, checked on the sources: AcubackServer depends on AcubackServices, not
/// on AcubackStore, and no file of it imports the store or the database drivers. SwiftPM on Linux
/// lets a target import any module built beside it, so the package graph alone would not stop an
/// undeclared import; this test does.
@Suite struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theServerTargetDependsOnTheServicesNotTheStore() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let server = try #require(Self.target("AcubackServer", in: manifest))
        #expect(server.contains("\"AcubackServices\""))
        #expect(!server.contains("\"AcubackStore\""))
        #expect(!server.contains("fluent"))
        let services = try #require(Self.target("AcubackServices", in: manifest))
        #expect(services.contains("\"AcubackStore\""))
        #expect(!services.contains("\"Hummingbird\""), "the services know no HTTP")
    }

    @Test(arguments: ["AcubackServer", "AcubackServices"])
    func noFileImportsALayerBelowItsNeighbour(target: String) throws {
        let forbidden = target == "AcubackServer"
            ? ["AcubackStore", "FluentKit", "SQLKit", "FluentSQLiteDriver", "FluentPostgresDriver"]
            : ["Hummingbird", "AcubackServer", "OpenAPIRuntime", "Mustache"]
        let folder = Self.root.appendingPathComponent("Sources/\(target)")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL])
            .filter { $0.pathExtension == "swift" }
        #expect(files.count > 10)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            // `import X`, `@testable import X`, `public import X`…
            for line in lines where forbidden.contains(where: { line.hasSuffix("import \($0)") }) {
                Issue.record("\(target)/\(file.lastPathComponent): \(line)")
            }
        }
    }

    /// The text of one `.target(name: …)` entry of the manifest.
    static func target(_ name: String, in manifest: String) -> String? {
        guard let start = manifest.range(of: "name: \"\(name)\",\n            dependencies:") else { return nil }
        let rest = manifest[start.upperBound...]
        let end = rest.range(of: "\n        ),")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }
}
