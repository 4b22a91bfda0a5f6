import Foundation
import Testing

/// Compares text with a reference copy kept beside the tests in `__Snapshots__`. Set
/// ACUBACK_RECORD_SNAPSHOTS=1 to write the references afresh after a deliberate change; a
/// missing reference fails, so CI never passes on a snapshot it has not seen.
func expectSnapshot(_ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let reference = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["ACUBACK_RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: reference)
        return
    }
    guard let stored = try? String(contentsOf: reference, encoding: .utf8) else {
        Issue.record("no reference snapshot \(name); record it with ACUBACK_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    if stored != text {
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("actual-" + name)
        try? Data(text.utf8).write(to: actual)
        Issue.record("\(name) differs from its reference; the new output is at \(actual.path)", sourceLocation: sourceLocation)
    }
}
