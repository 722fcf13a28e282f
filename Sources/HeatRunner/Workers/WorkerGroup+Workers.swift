import Sandbox

/// The sandboxed processes of `Sandbox` are the production `Workers`.
extension WorkerGroup: Workers {}
