import ArgumentParser

/// `arena admin`: organizer commands (need an organizer token: `arena login --profile org --token pa_org_…`).
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Organizer commands: contests, registration, invites, freeze, publish, teams, audit, integrity.",
        discussion: """
            Every admin command needs an organizer token (from `arena-server bootstrap-organizer NAME`). \
            Save it in its own profile and pass --profile, or set ARENA_TOKEN.

            Examples:
              arena login --profile org --token pa_org_…
              arena admin contest create contest.yaml --profile org
              arena admin registration open demo --profile org
              arena admin freeze demo --profile org
              arena admin publish demo --profile org
              arena admin audit verify --profile org
            """,
        subcommands: [
            AdminContestCommand.self, AdminPhasesCommand.self, AdminRegistrationCommand.self,
            AdminInviteCommand.self, AdminFreezeCommand.self, AdminUnfreezeCommand.self,
            AdminPublishCommand.self, AdminAmendCommand.self, AdminRerunCommand.self, AdminDisqualifyCommand.self,
            AdminReinstateCommand.self, AdminTeamsCommand.self, AdminSubmissionsCommand.self,
            AdminRunsCommand.self, AdminAuditCommand.self, AdminIntegrityCommand.self, AdminIntegrityReviewCommand.self,
        ])
}
