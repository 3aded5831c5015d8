import ArgumentParser

extension RightsDesk {
    /// `rightsdesk case …`: log and work cases.
    struct CaseGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "case",
            abstract: "Log, find and work cases.",
            subcommands: [CaseOpen.self, CaseList.self, CaseShow.self, CaseUpdateCommand.self, CaseTransition.self, CaseAssign.self,
                          CaseNote.self, CaseExtend.self, CaseLinkCommand.self, CaseMerge.self, CaseSearch.self,
                          CaseExport.self]
        )
    }
}
