/// How uploads are received: the body deadline, the validation executor and how long an
/// unreleased quota reservation counts.
struct UploadPolicy: Sendable {
    let bodyTimeout: Duration
    let executor: ValidationExecutor
    let reservationSeconds: Int
}
