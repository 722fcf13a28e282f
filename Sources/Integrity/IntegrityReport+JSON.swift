import AuditLog

extension IntegrityReport {
    func json() -> CanonicalJSON {
        .object([
            "format": .string(Self.format),
            "contest_id": .string(contestID),
            "runs": .array(runs.map(\.json)),
            "thresholds": thresholds.json,
            "transfer": .array(transfers.map(\.json)),
            "wash": .array(washes.map(\.json)),
            "copying": .array(copies.map(\.json)),
            "spoofing": .array(spoofs.map(\.json)),
            "teams": .array(teams.map(\.json)),
            "flagged_teams": .array(flaggedTeamIDs.map { .string($0) }),
        ])
    }

    func section(_ summary: TeamSummary) -> CanonicalJSON {
        let id = summary.team.teamID
        return .object([
            "format": .string(Self.format),
            "contest_id": .string(contestID),
            "team": summary.json,
            "transfer": .array(
                transfers.filter { $0.flagged && ($0.giver.teamID == id || $0.receiver.teamID == id) }.map(\.json)),
            "wash": .array(washes.filter { $0.teams.contains { $0.teamID == id } }.map(\.json)),
            "copying": .array(copies.filter { $0.leader.teamID == id || $0.follower.teamID == id }.map(\.json)),
            "spoofing": .array(spoofs.filter { $0.team.teamID == id }.map(\.json)),
            "thresholds": thresholds.json,
        ])
    }
}

extension CanonicalJSON {
    static func int(_ value: Int) -> CanonicalJSON { .integer(Int64(value)) }
    static func usdt(_ units: Int64) -> CanonicalJSON { .string(FixedText.usdt(units)) }
}

extension IntegrityReport.RunRef {
    var json: CanonicalJSON {
        .object([
            "run_id": .string(runID), "ticks": .int(ticks),
            "transcript_root": .string(transcriptRoot), "teams": .array(teamIDs.map { .string($0) }),
        ])
    }
}

extension TeamRef {
    var json: CanonicalJSON { .object(["team_id": .string(teamID), "label": .string(label)]) }
}

extension IntegrityThresholds {
    var json: CanonicalJSON {
        .object([
            "transfer": .object([
                "min_usdt": .usdt(transferMinUnits), "min_fills": .int(transferMinFills),
                "min_one_sided_ppm": .integer(transferMinOneSidedPPM),
                "min_concentration_ppm": .integer(transferMinConcentrationPPM),
            ]),
            "wash": .object([
                "window_ticks": .int(washWindowTicks), "min_round_trips": .int(washMinRoundTrips),
                "min_matched_usdt": .usdt(washMinMatchedUnits),
                "min_matched_share_ppm": .integer(washMinMatchedSharePPM),
            ]),
            "copying": .object([
                "min_lag_ticks": .int(copyMinLag), "max_lag_ticks": .int(copyMaxLag),
                "min_cosine_ppm": .integer(copyMinCosinePPM), "min_follow_ratio_ppm": .integer(copyMinFollowPPM),
                "min_changes": .int(copyMinChanges),
            ]),
            "spoofing": .object([
                "min_orders_per_run": .int(spoofMinOrdersPerRun),
                "min_order_to_fill_ppm": .integer(spoofMinOrderToFillPPM),
                "field_multiple_ppm": .integer(spoofFieldMultiplePPM),
                "min_cancel_rate_ppm": .integer(spoofMinCancelRatePPM),
            ]),
        ])
    }
}

extension TransferFinding {
    var json: CanonicalJSON {
        .object([
            "giver": giver.json, "receiver": receiver.json, "net_usdt": .usdt(netUnits),
            "gross_usdt": .usdt(grossUnits),
            "notional_usdt": .usdt(notionalUnits), "fills": .int(fills), "one_sided_ppm": .integer(oneSidedPPM),
            "concentration_ppm": .integer(concentrationPPM), "receiver_pnl_usdt": .usdt(receiverPnLUnits),
            "share_of_pnl_ppm": .integer(shareOfPnLPPM), "flagged": .bool(flagged),
            "runs": .array(
                runs.map {
                    .object([
                        "run_id": .string($0.runID), "fills": .int($0.fills), "net_usdt": .usdt($0.netUnits),
                        "first_tick": .int($0.firstTick), "last_tick": .int($0.lastTick),
                    ])
                }),
            "largest_fills": .array(
                largestFills.map {
                    .object([
                        "run_id": .string($0.runID), "tick": .int($0.tick), "symbol": .string($0.symbol),
                        "receiver_side": .string($0.receiverSide), "price": .string($0.price), "mark": .string($0.mark),
                        "quantity": .string($0.quantity), "value_usdt": .usdt($0.valueUnits),
                        "deviation_ppm": .integer($0.deviationPPM),
                    ])
                }),
        ])
    }
}

extension WashFinding {
    var json: CanonicalJSON {
        .object([
            "teams": .array(teams.map(\.json)),
            "runs": .array(
                runs.map {
                    .object([
                        "run_id": .string($0.runID), "fills": .int($0.fills), "round_trips": .int($0.roundTrips),
                        "matched_usdt": .usdt($0.matchedUnits), "notional_usdt": .usdt($0.notionalUnits),
                        "matched_share_ppm": .integer($0.matchedSharePPM), "net_ppm": .integer($0.netPPM),
                        "flagged": .bool($0.flagged),
                    ])
                }),
            "examples": .array(
                examples.map {
                    .object([
                        "run_id": .string($0.runID), "symbol": .string($0.symbol), "open_tick": .int($0.openTick),
                        "close_tick": .int($0.closeTick), "quantity": .string($0.quantity),
                        "open_price": .string($0.openPrice), "close_price": .string($0.closePrice),
                    ])
                }),
        ])
    }
}

extension CopyFinding {
    var json: CanonicalJSON {
        .object([
            "leader": leader.json, "follower": follower.json, "lag_ticks": .int(lag), "cosine_ppm": .integer(cosinePPM),
            "simultaneous_cosine_ppm": .integer(simultaneousCosinePPM),
            "reverse_cosine_ppm": .integer(reverseCosinePPM), "follow_ratio_ppm": .integer(followRatioPPM),
            "leader_coverage_ppm": .integer(leaderCoveragePPM), "leader_changes": .int(leaderChanges),
            "follower_changes": .int(followerChanges), "curve_ppm": .array(curvePPM.map { .integer($0) }),
            "runs": .array(
                runs.map {
                    .object([
                        "run_id": .string($0.runID), "cosine_ppm": .integer($0.cosinePPM),
                        "follow_ratio_ppm": .integer($0.followRatioPPM), "leader_changes": .int($0.leaderChanges),
                        "follower_changes": .int($0.followerChanges),
                    ])
                }),
            "examples": .array(
                examples.map {
                    .object([
                        "run_id": .string($0.runID), "symbol": .string($0.symbol), "leader_tick": .int($0.leaderTick),
                        "follower_tick": .int($0.followerTick), "leader_change_usdt": .integer($0.leaderChangeUSDT),
                        "follower_change_usdt": .integer($0.followerChangeUSDT),
                    ])
                }),
        ])
    }
}

extension SpoofFinding {
    var json: CanonicalJSON {
        .object([
            "team": team.json, "runs": .int(runs), "orders_placed": .int(ordersPlaced),
            "orders_filled": .int(ordersFilled),
            "orders_cancelled": .int(ordersCancelled), "order_to_fill_ppm": .integer(orderToFillPPM),
            "field_order_to_fill_ppm": .integer(fieldOrderToFillPPM), "cancel_rate_ppm": .integer(cancelRatePPM),
            "field_cancel_rate_ppm": .integer(fieldCancelRatePPM),
            "messages_per_tick_ppm": .integer(messagesPerTickPPM),
            "field_messages_per_tick_ppm": .integer(fieldMessagesPerTickPPM),
        ])
    }
}

extension TeamSummary {
    var json: CanonicalJSON {
        .object([
            "team": team.json, "runs": .int(runs), "pnl_usdt": .usdt(pnlUnits),
            "team_fill_value_usdt": .usdt(teamFillValueUnits), "house_fill_value_usdt": .usdt(houseFillValueUnits),
            "orders_placed": .int(ordersPlaced), "orders_filled": .int(ordersFilled),
            "orders_cancelled": .int(ordersCancelled), "order_to_fill_ppm": .integer(orderToFillPPM),
            "cancel_rate_ppm": .integer(cancelRatePPM), "messages_per_tick_ppm": .integer(messagesPerTickPPM),
            "flags": .array(flags.map { .string($0) }),
        ])
    }
}
