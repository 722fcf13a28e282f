/// A stateless built-in function.
enum PureFunction: String, CaseIterable, Sendable {
    case abs, sign, sqrt, floor, ceil, round, min, max, clamp, nz
    case ifThenElse = "if"
    case roundTick = "round_tick"
    case roundLot = "round_lot"

    /// Allowed argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .min, .max: 2...8
        case .clamp, .ifThenElse: 3...3
        case .nz: 2...2
        default: 1...1
        }
    }

    var signature: String {
        switch self {
        case .min, .max: "\(rawValue)(a, b, ...)"
        case .clamp: "clamp(x, low, high)"
        case .nz: "nz(x, fallback)"
        case .ifThenElse: "if(condition, then, else)"
        case .roundTick: "round_tick(price) or <market>.round_tick(price)"
        case .roundLot: "round_lot(size) or <market>.round_lot(size)"
        default: "\(rawValue)(x)"
        }
    }
}
