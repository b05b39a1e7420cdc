import EntasAPI
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import GRDB
import Logging

/// Rebuilds the read model by replaying every topic from the beginning into a fresh store,
/// then puts it in place of the old one (kept beside it as `…before-rebuild`). Tokens and
/// targets (set at the coordinator, not published) are carried over. Run it with the coordinator stopped.
///
/// Events that cannot be decoded were dead-lettered when first consumed; the replay skips
/// them. The replay is done when every partition's lag is 0 twice in a row.
struct CoordinatorRebuild {
    let configuration: ServiceConfiguration
    let secret: HouseholdKeySecret
    let logger: Logger
    var progress: @Sendable (String) -> Void = { _ in }

    /// Events applied together in one transaction, as the live subscription does.
    static let maximumBatch = CoordinatorApplication.subscriptionSettings.maximumBatch

    struct Outcome: Sendable {
        var eventsApplied: Int
        var skipped: Int
        var rebuiltPath: String
    }

    /// Replays into `path` (a new file) and returns once caught up.
    func replay(into path: String) async throws -> Outcome {
        let database = try EntasDatabase.openPool(
            at: path, migrator: ServiceRuntime.migrator(CoordinatorApplication.registerMigrations),
            writerCacheKiB: EntasDatabase.readModelWriterCacheKiB)
        let readModel = CoordinatorReadModel(secret: secret, verifiers: configuration.verifyingClusters)
        let inbox = Inbox(database)
        let consumer = try KafkaConsumer(
            settings: KafkaConsumerSettings(
                kafka: configuration.kafka, groupID: "entas-coordinator-rebuild-\(UUID().uuidString.prefix(8).lowercased())",
                topics: CoordinatorApplication.topics.map(\.rawValue), startFrom: .earliest,
                readAheadKiB: CoordinatorApplication.subscriptionSettings.readAheadKiB),
            logger: logger)
        let counts = Counts()
        let applier = Task {
            do {
                // What has arrived is applied in one transaction, up to `maximumBatch` events, as the
                // live subscription does (the region tables written once per batch).
                for try await first in consumer.messages {
                    var batch = [first]
                    while batch.count < Self.maximumBatch, let more = try consumer.nextIfAvailable() { batch.append(more) }
                    let envelopes = batch.compactMap { try? EventEnvelope.decode(headers: $0.stringHeaders, value: $0.value) }
                    if !envelopes.isEmpty {
                        _ = try await inbox.applyNew(envelopes.map { ($0.id, $0.payload.eventType.ceType) }) { new, db in
                            try readModel.apply(new.map { envelopes[$0] }, db, throughInbox: true)
                        }
                    }
                    await counts.add(applied: envelopes.count, skipped: batch.count - envelopes.count)
                    for message in batch { try consumer.markProcessed(message) }
                    if CoordinatorApplication.subscriptionSettings.releasesFreedMemory { ProcessMemory.releaseFreed() }
                }
            } catch is CancellationError {
            } catch {
                await counts.fail(error)
            }
        }
        var caughtUpChecks = 0
        while caughtUpChecks < 2 {
            try await Task.sleep(for: .seconds(1))
            if let failure = await counts.failure {
                applier.cancel()
                await consumer.close()
                throw failure
            }
            try await consumer.commit()
            // The ends as the fetch responses give them: some brokers (Tansu 0.6.0) answer a
            // ListOffsets query with less than the true end, which would never read as caught up.
            let positions = consumer.knownPositions()
            let lag = positions.reduce(Int64(0)) { $0 + $1.lag }
            let everyPartition = !positions.isEmpty && positions.count == consumer.assignment().count
            progress("replayed \(await counts.appliedCount) events, \(everyPartition ? "\(lag)" : "not yet known how many") to go")
            caughtUpChecks = everyPartition && lag == 0 ? caughtUpChecks + 1 : 0
        }
        applier.cancel()
        _ = await applier.result
        await consumer.close()
        return Outcome(eventsApplied: await counts.appliedCount, skipped: await counts.skippedCount, rebuiltPath: path)
    }

    /// Replays, copies the tokens and targets, then swaps the files.
    func run() async throws -> Outcome {
        let target = configuration.databasePath
        let fresh = target + ".rebuild"
        let previous = target + ".before-rebuild"
        try? Self.removeDatabase(at: fresh)
        let outcome = try await replay(into: fresh)
        if FileManager.default.fileExists(atPath: target) {
            let rebuilt = try DatabaseQueue(path: fresh)
            try await rebuilt.writeWithoutTransaction { db in
                // ATTACH cannot run inside a transaction.
                try db.execute(sql: "ATTACH DATABASE ? AS old", arguments: [target])
                try db.execute(sql: "INSERT OR IGNORE INTO main.serviceToken SELECT * FROM old.serviceToken")
                // Targets are set at the coordinator, not published: they come over like the tokens.
                if try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM old.sqlite_master WHERE type = 'table' AND name = 'target'") == true {
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO main.target (regionCode, year, smRemaining, socialAidCoverage, setBy, setAt)
                            SELECT regionCode, year, smRemaining, socialAidCoverage, setBy, setAt FROM old.target
                            """)
                }
                try db.execute(sql: "DETACH DATABASE old")
                try db.checkpoint(.truncate)
            }
            try rebuilt.close()
            try? Self.removeDatabase(at: previous)
            try FileManager.default.moveItem(atPath: target, toPath: previous)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        }
        try FileManager.default.moveItem(atPath: fresh, toPath: target)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: fresh + suffix) }
        return outcome
    }

    static func removeDatabase(at path: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    actor Counts {
        var appliedCount = 0
        var skippedCount = 0
        var failure: (any Error)?
        func fail(_ error: any Error) { failure = error }
        func add(applied: Int, skipped: Int) {
            appliedCount += applied
            skippedCount += skipped
        }
    }
}

