import ArgumentParser
import CaseCore

extension RightsDesk {
    /// `rightsdesk docs …`: print generated documentation.
    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print generated documentation.",
                                                        subcommands: [StateMachine.self])

        /// `rightsdesk docs state-machine > docs/state-machine.md`
        struct StateMachine: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "state-machine",
                                                            abstract: "The workflow's transition table as Markdown.")
            func run() {
                print(StateMachineDocument.markdown(), terminator: "")
            }
        }
    }
}
