import ArgumentParser
import Foundation
import RightsDeskServer

extension RightsDesk {
    /// `rightsdesk users add|passwd|disable|enable|list`: web UI and API accounts.
    struct Users: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage web UI and API accounts (roles: operator, legal, supervisor, admin).",
            subcommands: [UsersAdd.self, UsersPasswd.self, UsersDisable.self, UsersEnable.self, UsersList.self])
    }
}

extension Role: ExpressibleByArgument {}

/// Opens the account tables next to the cases; the password comes from stdin (`--password-stdin`) or is generated.
struct UsersSupport {
    static func accounts(_ options: GlobalOptions) throws -> AccountStore {
        let context = try CommandContext(options)  // the database must exist; this also migrates it
        do { return try AccountStore(path: context.databasePath) } catch {
            Output.error(String(describing: error))
            throw ExitCode(1)
        }
    }

    static func password(fromStdin: Bool) -> (String, generated: Bool) {
        if fromStdin, let line = readLine(strippingNewline: true) { return (line, false) }
        return (AccountStore.randomPassword(), true)
    }

    static func run(_ body: () throws(AccountError) -> Void) throws {
        do { try body() } catch {
            Output.error(error.description)
            switch error {
            case .invalidName, .weakPassword, .exists, .unknownUser: throw ExitCode(2)
            case .database: throw ExitCode(1)
            }
        }
    }
}

struct UsersAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account.")
    @Argument(help: "User name (a-z 0-9 . _ -).") var username: String
    @Option(help: "operator, legal, supervisor or admin.") var role: Role
    @Flag(help: "Read the password from the first line of stdin instead of generating one.") var passwordStdin = false
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let accounts = try UsersSupport.accounts(options)
        let (password, generated) = UsersSupport.password(fromStdin: passwordStdin)
        try UsersSupport.run { () throws(AccountError) in try accounts.add(username, role: role, password: password) }
        print(generated ? "added \(username) (\(role.rawValue)); password: \(password)" : "added \(username) (\(role.rawValue))")
    }
}

struct UsersPasswd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a new password (ends sessions).")
    @Argument var username: String
    @Flag(help: "Read the password from the first line of stdin instead of generating one.") var passwordStdin = false
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let accounts = try UsersSupport.accounts(options)
        let (password, generated) = UsersSupport.password(fromStdin: passwordStdin)
        try UsersSupport.run { () throws(AccountError) in try accounts.setPassword(username, password: password) }
        print(generated ? "new password for \(username): \(password)" : "password changed for \(username)")
    }
}

struct UsersDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable an account (ends sessions).")
    @Argument var username: String
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let accounts = try UsersSupport.accounts(options)
        try UsersSupport.run { () throws(AccountError) in try accounts.setDisabled(username, true) }
        print("disabled \(username)")
    }
}

struct UsersEnable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled account.")
    @Argument var username: String
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let accounts = try UsersSupport.accounts(options)
        try UsersSupport.run { () throws(AccountError) in try accounts.setDisabled(username, false) }
        print("enabled \(username)")
    }
}

struct UsersList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List accounts.")
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let accounts = try UsersSupport.accounts(options)
        var users: [UserAccount] = []
        try UsersSupport.run { () throws(AccountError) in users = try accounts.users() }
        for user in users { print("\(user.username)\t\(user.role.rawValue)\t\(user.disabled ? "disabled" : "active")") }
    }
}
