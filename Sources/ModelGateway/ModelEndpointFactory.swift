public import ContestModel
import Foundation

/// Makes the endpoint of a heat's gateway from the contest's `llm` settings. The default calls
/// the configured URL over HTTP with the key from the runner's environment variable
/// `api_key_env`; tests and offline backtests pass ``stub(_:)``.
public struct ModelEndpointFactory: Sendable {
    private let body: @Sendable (LLMSettings) -> any ModelEndpoint

    /// A factory calling `make` once per heat.
    public init(_ make: @escaping @Sendable (LLMSettings) -> any ModelEndpoint) {
        self.body = make
    }

    /// The endpoint for `settings`.
    public func make(_ settings: LLMSettings) -> any ModelEndpoint { body(settings) }

    /// The real endpoint: HTTP to `settings.endpoint`, key from the runner's environment.
    public static let http = ModelEndpointFactory { settings in
        let key = settings.apiKeyEnv.flatMap { ProcessInfo.processInfo.environment[$0] }
        return HTTPModelEndpoint(
            baseURL: settings.endpoint, apiKey: key, timeout: .milliseconds(settings.timeoutMilliseconds))
    }

    /// Always `endpoint` (in-process), whatever the contest configures.
    public static func stub(_ endpoint: any ModelEndpoint) -> ModelEndpointFactory {
        ModelEndpointFactory { _ in endpoint }
    }
}
