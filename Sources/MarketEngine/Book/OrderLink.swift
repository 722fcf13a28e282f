/// One slab slot's place in its account's list of live orders (order-id order): the slots of the
/// account's previous and next live order, -1 for none. Kept in a compact array beside the slab
/// (8 bytes a slot) so unlinking an order touches its neighbours' links, not their 64-byte
/// records: listing or cancelling one account's orders never walks the books.
struct OrderLink: Sendable {
    var previous: Int32 = -1
    var next: Int32 = -1
}
