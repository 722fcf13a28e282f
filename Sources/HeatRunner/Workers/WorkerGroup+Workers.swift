import Sandbox

/// The sandboxed processes of `Sandbox` are the production `Workers`; they take observations
/// already encoded (`WorkerGroup.exchange(encoded:)`).
extension WorkerGroup: EncodedObservationWorkers {}
