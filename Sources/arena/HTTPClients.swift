import AsyncHTTPClient
import NIOCore

/// The CLI's HTTP client: fails fast when the server is down (no connection retries until the
/// request deadline, a 5 s connect timeout). Lives for the whole process.
enum HTTPClients {
    static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(5)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
