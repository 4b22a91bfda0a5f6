import AcubackCore
import ArgumentParser

@main
struct AcubackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acuback",
        abstract: "Acuback: a clinic system for acupuncture treatment of back pain.",
        discussion: """
            Configuration comes from flags, then the environment (ACUBACK_HOST, ACUBACK_PORT, \
            ACUBACK_DATABASE_URL, ACUBACK_LOG_LEVEL), then defaults.
            """,
        version: Acuback.version,
        subcommands: [ServeCommand.self, MigrateCommand.self, DemoCommand.self, ExportCommand.self, BackupCommand.self, RestoreCommand.self, UserCommand.self, AuditCommand.self, PointsCommand.self, PlanCommand.self]
    )
}
