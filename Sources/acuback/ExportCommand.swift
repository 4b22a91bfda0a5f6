import AcubackCore
import AcubackServer
import AcubackServices
import AcubackStore
import ArgumentParser
import Foundation
import Logging

/// Exports for other systems and for research.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records: a patient or the whole clinic as FHIR R4, or a de-identified research dataset.",
        subcommands: [FHIR.self, Research.self])

    /// Opens the database, runs `body`, and closes it whatever happens.
    static func withStore<T>(_ database: DatabaseOptions, _ body: (AcubackDatabase, AcubackConfiguration) async throws -> T) async throws -> T {
        let configuration = try AcubackConfiguration(flags: database.flags)
        let logger = ProcessLogging.bootstrap(level: max(configuration.logLevel, .warning), to: .standardError)
        let store = try await configuration.openDatabase(logger: logger)
        do {
            let result = try await body(store, configuration)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// The clinic to export: the one named, or the only one there is; a wrong name is said as the option's.
    static func clinic(_ slug: String?, _ exports: ExportService) async throws -> ClinicRecord {
        do {
            return try await exports.clinic(slug: slug)
        } catch let error as AcubackCore.ValidationError {
            throw ValidationError("--clinic: \(error.errors.map(\.rule).joined(separator: "; "))")
        }
    }

    static func progressLine(_ what: String) -> @Sendable (Int, Int) -> Void {
        let isTerminal = isatty(STDERR_FILENO) == 1
        return { done, total in
            let line = "\(what) \(done) of \(total) patients (\(done * 100 / max(total, 1)) %)"
            FileHandle.standardError.write(Data((isTerminal ? "\r" + line + (done == total ? "\n" : "") : line + "\n").utf8))
        }
    }

    struct FHIR: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fhir",
            abstract: "One patient as a FHIR R4 Bundle (--patient), or the whole clinic as NDJSON files, one per resource type (--all).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The patient's id: the Bundle is written to --output, or standard output.") var patient: String?
        @Flag(help: "Every patient of the clinic, in the FHIR Bulk Data layout, into the folder --output.") var all = false
        @Option(help: "The clinic's slug, when the database holds several.") var clinic: String?
        @Option(help: "A file for --patient, a folder for --all.") var output: String?
        @Option(help: "The address the full URLs are written under (env ACUBACK_PUBLIC_URL).") var base: String?

        func validate() throws {
            if all == (patient != nil) { throw ValidationError("give either --patient ID or --all") }
            if all && output == nil { throw ValidationError("--all needs --output FOLDER") }
            if let patient, UUID(uuidString: patient) == nil { throw ValidationError("--patient must be a patient id (a UUID)") }
        }

        func run() async throws {
            let base = base ?? ProcessInfo.processInfo.environment["ACUBACK_PUBLIC_URL"] ?? "http://localhost:8080"
            try await withServices(database) { services in
                let exports = ExportService(services: services)
                if let patient {
                    guard let (record, bundle) = try await exports.patientBundle(id: UUID(uuidString: patient)!, publicURL: base) else {
                        throw ValidationError("--patient: no patient has the id \(patient)")
                    }
                    let data = try bundle.data(pretty: true)
                    if let output {
                        try data.write(to: URL(fileURLWithPath: output))
                        Console.line("Wrote the FHIR Bundle of \(record.name) to \(output).")
                    } else {
                        FileHandle.standardOutput.write(data + Data("\n".utf8))
                    }
                } else {
                    let clinic = try await ExportCommand.clinic(clinic, exports)
                    let folder = URL(fileURLWithPath: output!)
                    let result = try await exports.clinicBulk(clinic, to: folder, publicURL: base, progress: ExportCommand.progressLine("Exported"))
                    Console.line("Wrote \(result.counts.values.reduce(0, +)) resources of \(clinic.name) to \(folder.path):")
                    for file in result.files {
                        let type = String(file.dropLast(".ndjson".count))
                        Console.line("  \(file.padding(toLength: 28, withPad: " ", startingAt: 0)) \(result.counts[type] ?? 0)")
                    }
                }
            }
        }
    }

    struct Research: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "research",
            abstract: "A de-identified dataset of the clinic as CSV files with a data dictionary.",
            discussion: """
                patients.csv, courses.csv, sessions.csv, measures.csv and data-dictionary.csv. No names, contact details or free \
                text; patients, practitioners and courses get pseudonyms that change with every export, and each patient's dates \
                move by their own random number of days (1 to 180, earlier or later).
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The folder to write the files into.") var output: String
        @Option(help: "The clinic's slug, when the database holds several.") var clinic: String?

        func run() async throws {
            try await withServices(database) { services in
                let exports = ExportService(services: services)
                let clinic = try await ExportCommand.clinic(clinic, exports)
                let folder = URL(fileURLWithPath: output)
                let result = try await exports.research(clinic, to: folder, progress: ExportCommand.progressLine("De-identified"))
                Console.line("Wrote a de-identified dataset of \(clinic.name) to \(folder.path):")
                for (file, rows) in result.rows.sorted(by: { $0.key < $1.key }) {
                    Console.line("  \(file.padding(toLength: 16, withPad: " ", startingAt: 0)) \(rows) rows")
                }
                Console.line("  data-dictionary.csv")
            }
        }
    }
}
