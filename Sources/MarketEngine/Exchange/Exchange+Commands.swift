import MarketModel

extension Exchange {
    /// Dispatches one command; every refusal becomes a typed event.
    mutating func process(_ command: MarketCommand) {
        switch command {
        case .openAccount(let deposit):
            guard deposit.units >= 0 else {
                pending.append(.commandRejected(account: nil, reason: .invalidAmount))
                return
            }
            let id = openAccount(kind: .bot, deposit: deposit.units)
            pending.append(.accountOpened(account: id, deposit: deposit))
        case .deposit(let account, let amount):
            deposit(account: account, amount: amount)
        case .placeOrder(let request):
            placeOrder(request)
        case .cancelOrder(let account, let instrument, let order):
            cancelOrder(account: account, instrument: instrument, order: order)
        case .cancelAll(let account, let instrument):
            guard let a = botAccount(account) else { return }
            if let instrument, Int(instrument.rawValue) >= instrumentCount {
                pending.append(.commandRejected(account: account, reason: .unknownInstrument))
                return
            }
            cancelAllOrders(account: a, instrument: instrument.map { Int($0.rawValue) }, reason: .requested)
        case .setLeverage(let account, let instrument, let leverage):
            setLeverage(account: account, instrument: instrument, leverage: leverage)
        case .setMarginMode(let account, let instrument, let mode):
            setMarginMode(account: account, instrument: instrument, mode: mode)
        case .closeOut(let account):
            guard let a = botAccount(account) else { return }
            closeOut(account: a)
        case .setSelfTradeGroup(let account, let group):
            guard let a = botAccount(account) else { return }
            accounts[a].selfTradeGroup = group
        }
    }

    /// The account index of a bot account, or emits a rejection.
    mutating func botAccount(_ account: AccountID, clientTag: UInt64? = nil) -> Int? {
        let index = Int(account.rawValue)
        let reason: RejectReason
        if index >= accounts.count {
            reason = .unknownAccount
        } else if accounts[index].kind != .bot {
            reason = .houseAccount
        } else {
            return index
        }
        if let clientTag {
            pending.append(.orderRejected(account: account, clientTag: clientTag, reason: reason))
        } else {
            pending.append(.commandRejected(account: account, reason: reason))
        }
        return nil
    }

    mutating func deposit(account: AccountID, amount: Money) {
        guard let a = botAccount(account) else { return }
        guard amount.units != 0 else {
            pending.append(.commandRejected(account: account, reason: .invalidAmount))
            return
        }
        if amount.units < 0 {
            // A withdrawal may not leave the account unable to carry its positions and orders.
            let (equity, required) = crossEquityAndRequirement(a, overriding: nil)
            guard equity + amount.units >= required, ledger.wallets[a] + amount.units >= 0 else {
                pending.append(.commandRejected(account: account, reason: .insufficientMargin))
                return
            }
        }
        ledger.deposit(a, amount.units)
        pending.append(.deposited(account: account, amount: amount))
    }

    mutating func cancelOrder(account: AccountID, instrument: InstrumentID, order: OrderID) {
        guard let a = botAccount(account) else { return }
        guard Int(instrument.rawValue) < instrumentCount else {
            pending.append(.commandRejected(account: account, reason: .unknownInstrument))
            return
        }
        guard let slot = orderIndex[order.rawValue], orders[Int(slot)].account == UInt32(a),
            orders[Int(slot)].instrument == instrument.rawValue
        else {
            pending.append(.commandRejected(account: account, reason: .unknownOrder))
            return
        }
        removeResting(slot: Int(slot), reason: .requested)
    }

    mutating func setLeverage(account: AccountID, instrument: InstrumentID, leverage: Int64) {
        guard let a = botAccount(account) else { return }
        let i = Int(instrument.rawValue)
        guard i < instrumentCount else {
            pending.append(.commandRejected(account: account, reason: .unknownInstrument))
            return
        }
        guard leverage >= 1, leverage <= specs[i].maxLeverage else {
            pending.append(.commandRejected(account: account, reason: .leverageOutOfRange))
            return
        }
        let k = positionIndex(a, i)
        var candidate = positions[k]
        candidate.leverage = leverage
        let exposure = exposureNotional(candidate, instrument: i)
        if exposure > 0, tierMaxLeverage(i, notional: exposure) < leverage {
            pending.append(.commandRejected(account: account, reason: .leverageExceedsTier))
            return
        }
        let (equity, required) = crossEquityAndRequirement(a, overriding: (k, candidate))
        let (_, before) = crossEquityAndRequirement(a, overriding: nil)
        if required > before, required > equity {
            pending.append(.commandRejected(account: account, reason: .insufficientMargin))
            return
        }
        positions[k].leverage = leverage
        pending.append(.leverageSet(account: account, instrument: instrument, leverage: leverage))
    }

    mutating func setMarginMode(account: AccountID, instrument: InstrumentID, mode: MarginMode) {
        guard let a = botAccount(account) else { return }
        let i = Int(instrument.rawValue)
        guard i < instrumentCount else {
            pending.append(.commandRejected(account: account, reason: .unknownInstrument))
            return
        }
        let k = positionIndex(a, i)
        let position = positions[k]
        guard position.size == 0, position.bidLots == 0, position.askLots == 0 else {
            pending.append(.commandRejected(account: account, reason: .marginModeLocked))
            return
        }
        positions[k].isolated = mode == .isolated
        pending.append(.marginModeSet(account: account, instrument: instrument, mode: mode))
    }

    /// Cancels every order and sends a reduce-only market close for every position.
    mutating func closeOut(account a: Int) {
        cancelAllOrders(account: a, instrument: nil, reason: .closeOut)
        for i in 0..<instrumentCount {
            let size = positions[positionIndex(a, i)].size
            guard size != 0 else { continue }
            let request = OrderRequest(
                account: AccountID(UInt32(a)), instrument: InstrumentID(UInt16(i)), side: size > 0 ? .sell : .buy,
                kind: .market, price: nil, quantity: Quantity(lots: abs(size)), timeInForce: .ioc,
                reduceOnly: true)
            placeOrder(request)
        }
    }
}
