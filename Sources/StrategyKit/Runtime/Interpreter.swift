/// Executes compiled expressions on a value stack. Pure: reads slots, writes nothing else.
enum Interpreter {
    /// Runs `code` and returns its value; adds the instructions executed to `steps`.
    @inline(__always)
    static func run(
        _ code: CodeRange, storage: EvaluatorStorage, steps: inout Int
    ) -> Double {
        let operations = storage.operations
        let slots = storage.slots
        let stack = storage.stack
        var pc = code.start
        var top = -1
        var executed = 0
        while pc < code.end {
            executed &+= 1
            switch operations[pc] {
            case .constant(let value):
                top += 1
                stack[top] = value
            case .load(let slot):
                top += 1
                stack[top] = slots[slot]
            case .add: binary(&top, stack) { $0 + $1 }
            case .subtract: binary(&top, stack) { $0 - $1 }
            case .multiply: binary(&top, stack) { $0 * $1 }
            case .divide: binary(&top, stack) { $0 / $1 }
            case .negate: stack[top] = -stack[top]
            case .less: binary(&top, stack) { $0 < $1 ? 1 : 0 }
            case .lessEqual: binary(&top, stack) { $0 <= $1 ? 1 : 0 }
            case .greater: binary(&top, stack) { $0 > $1 ? 1 : 0 }
            case .greaterEqual: binary(&top, stack) { $0 >= $1 ? 1 : 0 }
            case .equal: binary(&top, stack) { $0 == $1 ? 1 : 0 }
            case .notEqual: binary(&top, stack) { $0 != $1 ? 1 : 0 }
            case .and: binary(&top, stack) { $0 != 0 && $1 != 0 ? 1 : 0 }
            case .or: binary(&top, stack) { $0 != 0 || $1 != 0 ? 1 : 0 }
            case .not: stack[top] = stack[top] == 0 ? 1 : 0
            case .abs: stack[top] = stack[top].magnitude
            case .sign:
                let value = stack[top]
                stack[top] = value > 0 ? 1 : value < 0 ? -1 : value
            case .sqrt: stack[top] = stack[top] >= 0 ? stack[top].squareRoot() : .nan
            case .floor: stack[top] = stack[top].rounded(.down)
            case .ceil: stack[top] = stack[top].rounded(.up)
            case .round: stack[top] = stack[top].rounded(.toNearestOrAwayFromZero)
            case .nz: binary(&top, stack) { $0.isNaN ? $1 : $0 }
            case .clamp:
                let high = stack[top]
                let low = stack[top - 1]
                top -= 2
                let value = stack[top]
                stack[top] = value.isNaN ? value : Swift.min(Swift.max(value, low), high)
            case .min(let count):
                var result = stack[top]
                for index in (top - count + 1)..<top { result = minimum(result, stack[index]) }
                top -= count - 1
                stack[top] = result
            case .max(let count):
                var result = stack[top]
                for index in (top - count + 1)..<top { result = maximum(result, stack[index]) }
                top -= count - 1
                stack[top] = result
            case .jumpIfFalse(let offset):
                let condition = stack[top]
                top -= 1
                if condition == 0 || condition.isNaN { pc += offset }
            case .jump(let offset):
                pc += offset
            case .roundTick(let market):
                stack[top] = storage.grids[market].nearestPrice(stack[top])
            case .roundLot(let market):
                stack[top] = storage.grids[market].nearestQuantity(stack[top])
            }
            pc += 1
        }
        steps &+= executed
        return top >= 0 ? stack[top] : .nan
    }

    @inline(__always)
    private static func binary(
        _ top: inout Int, _ stack: UnsafeMutableBufferPointer<Double>, _ body: (Double, Double) -> Double
    ) {
        let rhs = stack[top]
        top -= 1
        stack[top] = body(stack[top], rhs)
    }

    /// NaN-propagating minimum / maximum (a missing value makes the result missing).
    @inline(__always) private static func minimum(_ a: Double, _ b: Double) -> Double {
        a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
    }

    @inline(__always) private static func maximum(_ a: Double, _ b: Double) -> Double {
        a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
    }
}
