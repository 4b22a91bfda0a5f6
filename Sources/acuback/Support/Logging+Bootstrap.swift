import Logging

enum LogStream { case standardOutput, standardError }

enum ProcessLogging {
    /// Sets up process-wide logging once, and returns the command's logger.
    static func bootstrap(level: Logger.Level, to stream: LogStream) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = stream == .standardOutput
                ? StreamLogHandler.standardOutput(label: label)
                : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "acuback")
        logger.logLevel = level
        return logger
    }
}
