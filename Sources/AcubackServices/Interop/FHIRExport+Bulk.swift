import AcubackCore
import AcubackStore
import Foundation

public extension FHIRExport {
    /// What a bulk export wrote: resources per type, and the files.
    public struct BulkResult: Sendable, Equatable {
        public let counts: [String: Int]
        public let files: [String]
    }

    /// The whole clinic in the FHIR Bulk Data layout: one NDJSON file per resource type
    /// (`Patient.ndjson`, `Procedure.ndjson`…), one resource per line. Resources that several
    /// patients share (the clinic, practitioners and their roles) are written once.
    public func bulk(clinicID: UUID, to directory: URL, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> BulkResult {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var handles: [String: FileHandle] = [:]
        var counts: [String: Int] = [:]
        var written = Set<String>()
        defer { for handle in handles.values { try? handle.close() } }
        func write(_ resource: JSONValue) throws {
            guard let type = resource["resourceType"]?.stringValue, let id = resource["id"]?.stringValue,
                  written.insert("\(type)/\(id)").inserted
            else { return }
            if handles[type] == nil {
                let file = directory.appendingPathComponent("\(type).ndjson")
                FileManager.default.createFile(atPath: file.path, contents: nil)
                handles[type] = try FileHandle(forWritingTo: file)
            }
            var line = try resource.data()
            line.append(0x0A)
            try handles[type]!.write(contentsOf: line)
            counts[type, default: 0] += 1
        }
        let patients = PatientStore(database)
        let total = try await patients.patients(clinicID: clinicID, limit: 1).total
        var done = 0
        let page = 200
        while done < total {
            for patient in try await patients.patients(clinicID: clinicID, limit: page, offset: done).items {
                let (own, shared) = try await resources(for: patient)
                for resource in shared + own { try write(resource) }
                done += 1
            }
            progress(done, total)
            if done == 0 { break }
        }
        return BulkResult(counts: counts, files: counts.keys.sorted().map { "\($0).ndjson" })
    }
}
