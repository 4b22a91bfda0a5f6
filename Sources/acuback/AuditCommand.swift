import AcubackCore
import AcubackServer
import AcubackServices
import AcubackStore
import ArgumentParser
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Work with the audit trail.", subcommands: [Verify.self, Head.self, RotateKey.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every clinic's chain of audit events; exits non-zero when an entry was changed or removed.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text
        @Option(name: .customLong("head"), help: ArgumentHelp(
            "A hash printed earlier by `audit head`: also check that the chain still passes through it.", valueName: "hash"))
        var anchor: String?

        func run() async throws {
            var intact = true
            try await withStore(database) { store in
                let clinics = try await AccountStore(store).clinics()
                let reports = try await AuditTrail(store).verify(anchor: anchor?.lowercased()) { checked in
                    if checked % 5000 == 0 { FileHandle.standardError.write(Data("\rchecked \(checked) entries".utf8)) }
                }
                let anchorFound = anchor == nil || reports.contains { $0.anchorFound == true }
                intact = reports.allSatisfy(\.isIntact) && anchorFound
                switch format {
                case .json:
                    struct Row: Encodable {
                        let clinic: String; let clinicId: String; let entries: Int; let unsigned: Int; let intact: Bool
                        let brokenAt: Int?; let problem: String?; let headFound: Bool?
                    }
                    Console.line(try JSON.string(reports.map { report in
                        Row(clinic: clinics.first { $0.id == report.clinicID }?.name ?? "", clinicId: report.clinicID.uuidString,
                            entries: report.events, unsigned: report.unkeyed, intact: report.isIntact, brokenAt: report.brokenAt,
                            problem: report.problem, headFound: report.anchorFound)
                    }))
                case .text:
                    if reports.isEmpty { Console.line("The audit trail is empty.") }
                    for report in reports {
                        let name = clinics.first { $0.id == report.clinicID }?.name ?? report.clinicID.uuidString
                        Console.line(report.isIntact
                            ? "\(name): \(report.events) entries, chain intact"
                            : "\(name): CHAIN BROKEN at entry \(report.brokenAt ?? 0): \(report.problem ?? "")")
                        if report.unkeyed > 0 {
                            Console.line("  \(report.unkeyed) entries are from before the chain was signed: anyone who could write the database could have rebuilt them")
                        }
                    }
                    if let anchor {
                        Console.line(anchorFound
                            ? "The chain still passes through \(anchor)."
                            : "HEAD NOT FOUND: no clinic's chain passes through \(anchor); entries up to it were changed or removed (or it is from another database)")
                    }
                }
            }
            if !intact { throw ExitCode(2) }
        }
    }
}

extension AuditCommand {
    struct Head: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print where each clinic's chain ends, to keep somewhere the server cannot write (and check later with verify --head).")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                let clinics = try await AccountStore(store).clinics()
                for report in try await AuditTrail(store).verify() {
                    let name = clinics.first { $0.id == report.clinicID }?.name ?? report.clinicID.uuidString
                    Console.line(report.isIntact
                        ? "\(report.lastHash) \(report.lastSequence) \(name)"
                        : "\(name): CHAIN BROKEN at entry \(report.brokenAt ?? 0); no head to anchor")
                }
            }
        }
    }

    struct RotateKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-key",
            abstract: "Add a new key that signs audit entries from now on; the older keys stay in the file to verify what they signed.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                guard let file = store.auditKeyFile else { throw StoreError.auditKeyNotConfigured }
                let key = try AuditKeyring.rotate(file: file)
                Console.line("New audit key \(key.id) added to \(file). Restart every server that shares the file, and copy it to wherever you keep the key's backup.")
            }
        }
    }
}
