import Foundation

/// The settings of one invocation: profile, server, token, output mode; saves profile changes.
struct Session: Sendable {
    var configPath: String
    var config: ConfigFile
    var profileName: String
    var server: String
    var token: String?
    /// Where the token came from, for messages that must not show it: `ARENA_TOKEN` or
    /// `profile NAME`.
    var tokenSource: String = "the profile"
    var contest: String?
    var terminal: Terminal
    var json: Bool
    /// Who runs the command: next-step hints are written for them.
    var audience: Audience = .team

    /// An API client for the server, with the token when there is one.
    var client: APIClient {
        APIClient(
            configuration: .init(server: server, token: token, tokenSource: tokenSource, audience: audience))
    }

    /// A client that must have a token; fails with exit code 3 and a hint otherwise.
    func authenticatedClient() throws(CLIError) -> APIClient {
        guard token != nil else { throw CLIError.notLoggedIn(profile: profileName) }
        return client
    }

    /// The contest from an option, the environment or the profile.
    func contest(_ option: String?) throws(CLIError) -> String {
        if let option { return option }
        if let contest { return contest }
        throw CLIError.usage("no contest given", hint: "pass --contest ID (list them with `arena contests`)")
    }

    /// Updates the current profile and writes the file with mode 0600.
    func updateProfile(_ change: (inout ConfigFile.Profile) -> Void) throws(CLIError) {
        var config = self.config
        var profile = config.profiles[profileName] ?? ConfigFile.Profile(server: server)
        profile.server = server
        change(&profile)
        config.profiles[profileName] = profile
        try config.save(path: configPath)
    }
}
