import Hummingbird
import Logging
import Storage

/// Turns every failure into the API's one error shape; unexpected errors become a generic 500
/// (logged with the request id) so nothing internal leaks.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ArenaRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            let code: String
            switch error.status.code {
            case 404: code = "not_found"
            case 405: code = "method_not_allowed"
            case 413: code = "payload_too_large"
            case 400: code = "bad_request"
            default: code = "http_\(error.status.code)"
            }
            let message =
                error.status.code == 404 ? "no such route or resource" : (error.body ?? error.status.reasonPhrase)
            throw APIError(error.status, code: code, message)
        } catch let error as StorageError where APIError(refusal: error) != nil {
            // The database's own refusals (closed contest, sealed board): the same 409s as the
            // checks before it, for the races those checks cannot see.
            throw APIError(refusal: error) ?? APIError(.conflict, code: "conflict", error.message)
        } catch is DecodingError {
            throw APIError(.badRequest, code: "invalid_json", "the request body is not the JSON this route expects")
        } catch  where DatabaseInputError.isInvalidInput(error) {
            throw APIError(
                .badRequest, code: "invalid_input",
                "the request contains a value the server cannot store (for example a NUL character)")
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            throw APIError(
                .internalServerError, code: "internal",
                "the server failed to handle this request; it was logged as \(context.id)")
        }
    }
}
