import BundleKit
import Foundation
import Sandbox

/// `arena check` for Python bundles: every module the bot's files import (found with Python's own
/// `ast`) must be the bundle's own, the standard library, the SDK (`perparena`) or a package of
/// the declared runtime (`python-ml`: its lock's packages). Then the third-party ones are
/// imported for real in that runtime (same interpreter, same `-S -s`, same `PYTHONPATH` as the
/// sandbox). So `import numpy` in a `runtime: python` bot fails here, with file and line, not at
/// tick 0 of a ranked run.
enum CheckImports {
    /// One import the declared runtime cannot satisfy.
    struct Problem: Encodable, Sendable {
        var file: String
        var line: Int
        var module: String
        var message: String
    }

    /// The scanner: prints one JSON object per import (`file`, `line`, `module`) of every .py
    /// file below argv[1], and the standard library's module names.
    static let scanner = #"""
        import ast, json, os, sys
        root = sys.argv[1]
        found = []
        for base, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(".py"):
                    continue
                path = os.path.join(base, name)
                rel = os.path.relpath(path, root)
                try:
                    tree = ast.parse(open(path, "rb").read(), filename=rel)
                except SyntaxError as error:
                    found.append({"file": rel, "line": error.lineno or 1, "module": "", "syntax": str(error.msg)})
                    continue
                for node in ast.walk(tree):
                    if isinstance(node, ast.Import):
                        for alias in node.names:
                            found.append({"file": rel, "line": node.lineno, "module": alias.name.split(".")[0]})
                    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                        found.append({"file": rel, "line": node.lineno, "module": node.module.split(".")[0]})
        print(json.dumps({"imports": found, "stdlib": sorted(sys.stdlib_module_names)}))
        """#

    /// The problems of the bundle in `directory`, declared runtime `runtimeName` (`python`,
    /// `python-ml`, …). Throws when the runtime is not installed or Python cannot run.
    static func check(directory: String, runtimeName: String, sandbox: SandboxConfiguration) throws -> [Problem] {
        var environment: RuntimeEnvironment?
        if runtimeName != "python" {
            do {
                environment = try RuntimeEnvironment.load(name: runtimeName, directory: sandbox.runtimesDirectory)
            } catch {
                throw CLIError(
                    "runtime_missing", "the bundle declares runtime \(runtimeName), which is not installed here",
                    hint: "install it with `arena runtime install \(runtimeName)` (docs/NOTEBOOK-TO-BOT.md)",
                    exitCode: ExitCodes.usage)
            }
        }
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        let output = try run(
            sandbox.pythonPath, ["-S", "-s", "-c", scanner, root], pythonPath: nil, directory: NSTemporaryDirectory())
        struct Scan: Decodable {
            struct Item: Decodable {
                var file: String
                var line: Int
                var module: String
                var syntax: String?
            }
            var imports: [Item]
            var stdlib: [String]
        }
        guard let scan = try? JSONDecoder().decode(Scan.self, from: Data(output.stdout.utf8)) else {
            throw CLIError(
                "python_failed", "could not scan the bot's imports with \(sandbox.pythonPath): \(output.stderr)",
                hint: "set ARENA_PYTHON to the Python the platform runs (Debian's /usr/bin/python3)",
                exitCode: ExitCodes.usage)
        }
        let standard = Set(scan.stdlib)
        let own = ownModules(root)
        let runtime = environment.map { topLevelModules($0.sitePackages) } ?? []
        var problems: [Problem] = []
        var external: [String: Scan.Item] = [:]
        for item in scan.imports where item.syntax == nil {
            let module = item.module
            if standard.contains(module) || own.contains(module) || module == "perparena" || module == "__future__" {
                continue
            }
            if runtime.contains(module) {
                if external[module] == nil { external[module] = item }
                continue
            }
            let message =
                environment == nil
                ? "\(module) is not available in runtime 'python' (the standard library and the perparena SDK only); "
                    + "declare `runtime: python-ml` in strategy.yaml if the contest accepts it (numpy, pandas, "
                    + "scipy, scikit-learn, lightgbm, onnxruntime, polars), or ship pure-Python code in the bundle"
                : "\(module) is not in runtime '\(runtimeName)' (lock \(environment!.lockSHA256.prefix(12))…); "
                    + "use one of its packages (`arena runtime list`) or ship pure-Python code in the bundle"
            problems.append(Problem(file: item.file, line: item.line, module: module, message: message))
        }
        // The real thing: import the runtime's packages the bot uses, in the runtime.
        if let environment, problems.isEmpty, !external.isEmpty {
            let modules = external.keys.sorted()
            let script =
                "import importlib, sys\nfor name in sys.argv[1:]:\n    try:\n        importlib.import_module(name)\n"
                + "    except Exception as error:\n        print(name + '\\t' + type(error).__name__ + ': ' + str(error))\n"
            let result = try run(
                sandbox.pythonPath, ["-S", "-s", "-c", script] + modules, pythonPath: environment.sitePackages,
                directory: NSTemporaryDirectory())
            for line in result.stdout.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                guard parts.count == 2, let item = external[parts[0]] else { continue }
                problems.append(
                    Problem(
                        file: item.file, line: item.line, module: parts[0],
                        message: "importing \(parts[0]) in runtime \(runtimeName) fails: \(parts[1])"))
            }
        }
        return problems
    }

    /// Top-level module names the bundle itself provides (its .py files and packages).
    static func ownModules(_ directory: String) -> Set<String> {
        var names: Set<String> = []
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: directory)) ?? []
        for path in files {
            let first = String(path.split(separator: "/").first ?? "")
            names.insert(first.hasSuffix(".py") ? String(first.dropLast(3)) : first)
        }
        return names
    }

    /// Top-level importable names of a site-packages directory.
    static func topLevelModules(_ sitePackages: String) -> Set<String> {
        var names: Set<String> = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: sitePackages)) ?? [] {
            if name.hasSuffix(".dist-info") || name.hasSuffix(".libs") || name == "__pycache__" { continue }
            if name.hasSuffix(".py") {
                names.insert(String(name.dropLast(3)))
            } else if name.hasSuffix(".so") {
                names.insert(String(name.prefix { $0 != "." }))
            } else {
                names.insert(name)
            }
        }
        return names
    }

    /// Runs a program to the end; returns its standard output and error.
    static func run(_ program: String, _ arguments: [String], pythonPath: String?, directory: String) throws -> (
        stdout: String, stderr: String, status: Int32
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONNOUSERSITE": "1", "OMP_NUM_THREADS": "1"]
        if let pythonPath { environment["PYTHONPATH"] = pythonPath }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw CLIError(
                "python_missing", "cannot run \(program): \(error)",
                hint: "install python3 (Debian: apt-get install python3) or set ARENA_PYTHON", exitCode: ExitCodes.usage
            )
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self), process.terminationStatus
        )
    }
}
