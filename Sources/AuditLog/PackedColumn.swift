/// The columns of a version-2 packed tick section, in their stored order (docs/AUDIT.md,
/// "Packed tick records"). Values of one kind sit together so that deflate finds their repeats.
enum PackedColumn: Int, CaseIterable {
    /// Input and event kind bytes, order flags, counts.
    case kind
    /// Origin slots.
    case slot
    /// Account ids written in full.
    case account
    /// Order ids of acceptances (and of `cancelOrder` commands), as differences from the next id.
    case acceptedOrder
    /// Order ids of cancellations the model did not predict.
    case cancelledOrder
    /// Maker order ids of trades, as differences from the previous trade's.
    case makerOrder
    /// Taker order ids of trades, as differences from the latest accepted order.
    case takerOrder
    /// Order price differences.
    case price
    /// Market price differences: index, mark over index, trade prices without a known maker.
    case marketPrice
    /// Quantities and their differences.
    case quantity
    /// Client tag differences.
    case tag
    /// Fee differences from the predicted fee.
    case fee
    /// Realised PnL amounts.
    case amount
    /// Everything else: tick differences, instruments, reasons, and inputs and events written in
    /// their version-1 form.
    case misc
}
