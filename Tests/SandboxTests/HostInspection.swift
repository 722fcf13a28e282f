import Foundation

/// Looks at the host after a run: stray processes, leftover cgroups, files.
enum HostInspection {
    /// PIDs of processes whose real uid is in `uids`.
    static func processes(uids: ClosedRange<UInt32>) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Uid:") }),
                let uid = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst().first.flatMap({
                    UInt32($0)
                })
            else { return nil }
            return uids.contains(uid) ? pid : nil
        }
    }

    /// Cgroup directories of the worker group `groupID` (`arena-<groupID>-<slot>`), anywhere
    /// in the cgroup hierarchies.
    static func leftoverCgroups(groupID: String) -> [String] {
        let prefix = "arena-\(groupID)-"
        var found: [String] = []
        var queue = ["/sys/fs/cgroup"]
        var visited = 0
        while let directory = queue.popLast(), visited < 20_000 {
            visited += 1
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for entry in entries {
                let path = directory + "/" + entry
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
                else { continue }
                if entry.hasPrefix(prefix) { found.append(path) }
                queue.append(path)
            }
        }
        return found
    }

    /// Every file below `directory`, with sizes, symlinks marked.
    static func listing(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let item = enumerator.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/" + item)
            let type = attributes?[.type] as? FileAttributeType
            result.append("\(item) \(type == .typeSymbolicLink ? "link" : "") \(attributes?[.size] ?? 0)")
        }
        return result.sorted()
    }
}
