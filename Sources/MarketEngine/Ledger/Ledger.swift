import MarketModel

/// The only writer of money: every cross wallet, isolated margin, the fee pool, deposits, the
/// funding residue and the insurance fund (account 0's wallet) change through one of its
/// operations, each named after the business event and each zero-sum except deposits. It owns
/// the conservation check (`conservationProblem`). The exchange reads balances from it freely.
///
/// Storage is flat: `wallets[account]`, `deposits[account]` and `isolatedMargins[position]`
/// with positions flattened `account × instrument` as in `Exchange.positions`.
struct Ledger: Sendable {
    let instrumentCount: Int
    /// Cross wallet per account (excludes isolated margins).
    private(set) var wallets: [Int64] = []
    /// Net deposits per account.
    private(set) var deposits: [Int64] = []
    /// Margin held by each isolated position.
    private(set) var isolatedMargins: [Int64] = []
    /// Trading fees collected by the exchange (fees to the fund are in its wallet).
    private(set) var feesCollected: Int64 = 0
    /// Σ deposits over all accounts.
    private(set) var totalDeposits: Int64 = 0
    /// Σ funding residue paid into the fund (signed), for the conservation log.
    private(set) var fundingResidue: Int64 = 0

    init(instrumentCount: Int) { self.instrumentCount = instrumentCount }

    /// The insurance fund's balance.
    var fund: Int64 { wallets[0] }

    /// A new account with its opening deposit.
    mutating func openAccount(deposit: Int64) {
        wallets.append(deposit)
        deposits.append(deposit)
        totalDeposits += deposit
        isolatedMargins.append(contentsOf: repeatElement(0, count: instrumentCount))
    }

    /// A deposit (positive) or withdrawal (negative) of account `a`.
    mutating func deposit(_ a: Int, _ amount: Int64) {
        wallets[a] += amount
        deposits[a] += amount
        totalDeposits += amount
    }

    /// Realised PnL of a cross position: its cash flow was the change of entry value, the
    /// difference lands in the wallet.
    mutating func realize(_ a: Int, _ amount: Int64) { wallets[a] += amount }

    /// Moves `amount` of initial margin from account `a`'s wallet into isolated position `k`.
    mutating func lockIsolated(_ a: Int, _ k: Int, _ amount: Int64) {
        isolatedMargins[k] += amount
        wallets[a] -= amount
    }

    /// A reduction of isolated position `k` by `closed` of `magnitude` lots realising `realized`:
    /// the PnL settles in the position's margin, then the closed share of the margin goes back to
    /// the wallet (all of it on a full close; nothing while the margin is in deficit).
    mutating func settleIsolated(_ a: Int, _ k: Int, realized: Int64, closed: Int64, of magnitude: Int64) {
        let (kept, release) = Self.isolatedSettlement(
            margin: isolatedMargins[k], realized: realized, closed: closed, of: magnitude)
        isolatedMargins[k] = kept
        wallets[a] += release
    }

    /// The arithmetic of ``settleIsolated(_:_:realized:closed:of:)``: the margin the position
    /// keeps and the amount released to the wallet.
    static func isolatedSettlement(margin: Int64, realized: Int64, closed: Int64, of magnitude: Int64)
        -> (kept: Int64, release: Int64)
    {
        let settled = margin + realized
        let release =
            closed == magnitude
            ? settled : (settled > 0 ? WideMath.mulDiv(settled, closed, magnitude, .down) : 0)
        return (settled - release, release)
    }

    /// A trading or clearance fee of account `a`: to the exchange's fee pool, or to the fund.
    mutating func chargeFee(_ a: Int, _ amount: Int64, toFund: Bool) {
        wallets[a] -= amount
        if toFund { wallets[0] += amount } else { feesCollected += amount }
    }

    /// A funding payment to (positive) or from account `a`'s position `k`: into its isolated
    /// margin when `isolated`, else the cross wallet. The counter-entry is `fundingResidue(_:)`.
    mutating func payFunding(_ a: Int, _ k: Int, _ amount: Int64, isolated: Bool) {
        if isolated { isolatedMargins[k] += amount } else { wallets[a] += amount }
    }

    /// Closes a funding settlement whose payments summed to `net`: the fund pays the residue.
    mutating func fundingResidue(_ net: Int64) {
        wallets[0] -= net
        fundingResidue -= net
    }

    /// The fund covers a bankrupt account's negative wallet (nothing left open).
    mutating func coverNegativeWallet(_ a: Int) {
        guard wallets[a] < 0 else { return }
        wallets[0] += wallets[a]
        wallets[a] = 0
    }

    /// Conservation: Σ (wallet + isolated margin) − Σ signed entry value + fees collected must
    /// equal Σ deposits, exactly. `signedEntryValues` is Σ over all positions. `nil` when it holds.
    func conservationProblem(signedEntryValues: Int128) -> String? {
        var cash = Int128(feesCollected) - signedEntryValues
        for wallet in wallets { cash += Int128(wallet) }
        for margin in isolatedMargins { cash += Int128(margin) }
        guard cash != Int128(totalDeposits) else { return nil }
        return "money not conserved: balances + fund + fees − entry values = \(cash), deposits \(totalDeposits)"
    }
}
