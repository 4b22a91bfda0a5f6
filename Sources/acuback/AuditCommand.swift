import AcubackCore
import AcubackServer
import AcubackStore
import ArgumentParser
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Work with the audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every clinic's chain of audit events; exits non-zero when an entry was changed or removed.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() async throws {
            var intact = true
            try await withStore(database) { store in
                let clinics = try await AccountStore(store).clinics()
                let reports = try await AuditTrail(store).verify { checked in
                    if checked % 5000 == 0 { FileHandle.standardError.write(Data("\rchecked \(checked) entries".utf8)) }
                }
                intact = reports.allSatisfy(\.isIntact)
                switch format {
                case .json:
                    struct Row: Encodable { let clinic: String; let clinicId: String; let entries: Int; let intact: Bool; let brokenAt: Int?; let problem: String? }
                    Console.line(try JSON.string(reports.map { report in
                        Row(clinic: clinics.first { $0.id == report.clinicID }?.name ?? "", clinicId: report.clinicID.uuidString,
                            entries: report.events, intact: report.isIntact, brokenAt: report.brokenAt, problem: report.problem)
                    }))
                case .text:
                    if reports.isEmpty { Console.line("The audit trail is empty.") }
                    for report in reports {
                        let name = clinics.first { $0.id == report.clinicID }?.name ?? report.clinicID.uuidString
                        Console.line(report.isIntact
                            ? "\(name): \(report.events) entries, chain intact"
                            : "\(name): CHAIN BROKEN at entry \(report.brokenAt ?? 0): \(report.problem ?? "")")
                    }
                }
            }
            if !intact { throw ExitCode(2) }
        }
    }
}
