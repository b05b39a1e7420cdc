import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v8-history-without-event-index`: the history's unique index on the event id
    /// (`historyByHousehold_event`) dropped.
    ///
    /// Every event wrote its random 36-character id into that index: one more B-tree per event, touched at a
    /// random page, so at a province's volume nearly every event read and wrote back a page of it. It kept
    /// nothing the inbox does not: the subscription's inbox (and a rebuild's) refuses an event id applied
    /// before, whatever household it names. An apply outside the inbox (``CoordinatorReadModel/apply(_:_:throughInbox:)``
    /// with `throughInbox` false) looks each event up by its household and id, the history's own key
    /// (``HouseholdEvent/recorded(_:_:)``). Literal SQL: a shipped migration never changes.
    @Sendable static func dropHistoryEventIndex(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX historyByHousehold_event")
    }
}
