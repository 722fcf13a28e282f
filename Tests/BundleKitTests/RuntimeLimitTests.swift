import BundleKit
import ContestModel
import Testing

@Suite("Runtimes and their bundle limits")
struct RuntimeLimitTests {
    static func contest(_ runtimes: String = "") throws -> ContestDefinition {
        try ContestDefinitionLoader.parse("id: ml\nname: ML\n" + runtimes)
    }

    /// A packed python bundle of `runtime` with a model file of `modelBytes` (incompressible).
    static func archive(runtime: String, modelBytes: Int) throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let model = (0..<modelBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let bundle = try StrategyBundle(
            files: [
                BundleFile(path: "strategy.yaml", bytes: Array("name: ml\nruntime: \(runtime)\nentry: bot.py\n".utf8)),
                BundleFile(path: "bot.py", bytes: Array("import perparena\n".utf8)),
                BundleFile(path: "model.bin", bytes: model),
            ], limits: .local)
        return try BundleArchive.pack(bundle, limits: .local)
    }

    @Test("strategy.yaml may name python-ml (a python bot with an installed runtime)")
    func manifest() throws {
        let manifest = try BundleManifest.parse(
            Array("name: m\nruntime: python-ml\nentry: bot.py\n".utf8), files: ["bot.py"])
        #expect(manifest.runtime == .python)
        #expect(manifest.runtimeName == "python-ml")
        #expect(throws: BundleError.self) {
            try BundleManifest.parse(Array("name: m\nruntime: Python-ML\nentry: bot.py\n".utf8), files: ["bot.py"])
        }
    }

    @Test("a contest refuses runtimes it does not list, with the ones it accepts")
    func notAccepted() throws {
        let validation = BundleValidator().validate(
            archive: try Self.archive(runtime: "python-ml", modelBytes: 10), contest: try Self.contest())
        guard case .invalid(let code, let report) = validation else {
            Issue.record("accepted: \(validation)")
            return
        }
        #expect(code == "runtime_not_accepted")
        #expect(report.contains("rules, python, exec"))
    }

    @Test("python-ml bundles may carry a 9 MiB model by default; python bundles may not")
    func modelSizes() throws {
        let contest = try Self.contest("runtimes:\n  accepted: [python, python-ml]\n")
        let ml = BundleValidator().validate(
            archive: try Self.archive(runtime: "python-ml", modelBytes: 9 << 20), contest: contest)
        guard case .valid(_, let runtime, _) = ml else {
            Issue.record("refused: \(ml)")
            return
        }
        #expect(runtime == "python-ml")
        let plain = BundleValidator().validate(
            archive: try Self.archive(runtime: "python", modelBytes: 9 << 20), contest: contest)
        guard case .invalid(let code, _) = plain else {
            Issue.record("accepted: \(plain)")
            return
        }
        #expect(code == "bundle_too_large")
        #expect(contest.maxBundleArchiveBytes == 64 << 20)
        #expect(BundleLimits(contest: contest).maxUnpackedBytes == 64 << 20)
    }

    @Test("per-runtime limits in the contest override the defaults")
    func overrides() throws {
        let contest = try Self.contest(
            "runtimes:\n  accepted: [python-ml]\n  python-ml:\n    bundle_max_unpacked_bytes: 2097152\n")
        let validation = BundleValidator().validate(
            archive: try Self.archive(runtime: "python-ml", modelBytes: 3 << 20), contest: contest)
        guard case .invalid(let code, let report) = validation else {
            Issue.record("accepted: \(validation)")
            return
        }
        #expect(code == "bundle_too_large")
        #expect(report.contains("2 MiB"))
    }

    /// The model-sized limits raise what an upload may unpack to, not what a bomb may: a gzip that
    /// announces 1 GiB (about 1 MiB on the wire, under python-ml's 64 MiB archive limit) is refused
    /// by the compression ratio, and without that check by the unpacked size, during inflation.
    @Test("python-ml's larger limits still refuse a 1 GiB decompression bomb while inflating it")
    func bombUnderModelLimits() throws {
        let contest = try Self.contest("runtimes:\n  accepted: [python-ml]\n")
        let limits = BundleLimits(contest: contest)
        #expect(limits.maxArchiveBytes == 64 << 20 && limits.maxUnpackedBytes == 64 << 20)
        let header = TarFixture.header(TarFixture.Entry(name: "model.bin", declaredSize: 1 << 30))
        let bomb = Compression.zeroBomb(header: header, chunks: 1024)
        #expect(bomb.count < limits.maxArchiveBytes)
        #expect(unpackCode(bomb, limits: limits) == .decompressionBomb)
        var noRatio = limits
        noRatio.maxCompressionRatio = Int.max
        #expect(unpackCode(bomb, limits: noRatio) == .tooLarge)
        // Through the upload validator: refused with a code, never unpacked to disk.
        guard case .invalid(let code, _) = BundleValidator().validate(archive: bomb, contest: contest) else {
            Issue.record("a bomb was accepted")
            return
        }
        #expect(code == "bundle_decompression_bomb")
    }
}
