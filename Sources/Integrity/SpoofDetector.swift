/// Spoofing and quote stuffing: per team over its runs, orders placed, orders that filled,
/// orders it cancelled itself and engine commands per tick, against the field (the median over
/// the evaluation's teams that placed orders). A market maker that re-quotes every tick has a
/// high order-to-fill ratio too; what sets a spoofer apart is a ratio that is both high in
/// absolute terms and far above the field, with nearly every order cancelled.
///
/// Flagged when orders per run ≥ `spoofMinOrdersPerRun`, order-to-fill ≥
/// `spoofMinOrderToFillPPM` and ≥ `spoofFieldMultiplePPM` × the field's median, and cancel rate
/// ≥ `spoofMinCancelRatePPM`.
enum SpoofDetector {
    /// Every team's activity summed over its runs, by global index.
    static func activity(_ evaluation: EvaluationTapes) -> [OrderActivity] {
        var totals = Array(repeating: OrderActivity(), count: evaluation.teamIDs.count)
        for (run, tape) in evaluation.tapes.enumerated() {
            for (local, activity) in tape.activity.enumerated() {
                let index = evaluation.globalIndex[run][local]
                totals[index] = totals[index] + activity
            }
        }
        return totals
    }

    static func orderToFill(_ a: OrderActivity) -> Int64 {
        FixedMath.ppm(Int64(a.ordersPlaced), Int64(max(1, a.ordersFilled)))
    }
    static func cancelRate(_ a: OrderActivity) -> Int64 {
        FixedMath.ppm(Int64(a.ordersCancelled), Int64(a.ordersAccepted))
    }
    static func messagesPerTick(_ a: OrderActivity) -> Int64 { FixedMath.ppm(Int64(a.messages), Int64(a.ticks)) }

    static func detect(
        _ evaluation: EvaluationTapes, _ totals: [OrderActivity], _ thresholds: IntegrityThresholds
    ) -> [SpoofFinding] {
        let field = totals.filter { $0.ordersPlaced > 0 }
        let fieldOTF = FixedMath.median(field.map(orderToFill))
        let fieldCancel = FixedMath.median(field.map(cancelRate))
        let fieldMessages = FixedMath.median(field.map(messagesPerTick))
        let multiple = Int128(fieldOTF) * Int128(thresholds.spoofFieldMultiplePPM) / 1_000_000
        var findings: [SpoofFinding] = []
        for (index, activity) in totals.enumerated() {
            let otf = orderToFill(activity)
            let cancel = cancelRate(activity)
            guard activity.runs > 0, activity.ordersPlaced >= thresholds.spoofMinOrdersPerRun * activity.runs,
                otf >= thresholds.spoofMinOrderToFillPPM, Int128(otf) >= multiple,
                cancel >= thresholds.spoofMinCancelRatePPM
            else { continue }
            findings.append(
                SpoofFinding(
                    team: evaluation.team(index), runs: activity.runs, ordersPlaced: activity.ordersPlaced,
                    ordersFilled: activity.ordersFilled, ordersCancelled: activity.ordersCancelled,
                    orderToFillPPM: otf, fieldOrderToFillPPM: fieldOTF, cancelRatePPM: cancel,
                    fieldCancelRatePPM: fieldCancel, messagesPerTickPPM: messagesPerTick(activity),
                    fieldMessagesPerTickPPM: fieldMessages))
        }
        return findings
    }
}
