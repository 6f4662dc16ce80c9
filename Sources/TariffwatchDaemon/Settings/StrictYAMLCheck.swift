import Yams

/// Checks a configuration file's structure against `SettingsSchema` before any value is read:
/// unknown keys and values of the wrong kind are errors that name the key, its line and, for a
/// likely typo, the key that was meant.
///
/// swift-configuration's YAML provider reads values but forgets where they came from and ignores keys
/// nobody asks for; this check keeps the line numbers (from Yams' node marks) for the operator.
struct StrictYAMLCheck {
    let source: String

    /// - Returns: false for a file with no settings at all (empty or only comments), which the YAML
    ///   provider would refuse although it simply means "all defaults".
    /// - Throws: `SettingsError` for the first problem in file order.
    @discardableResult
    func check(_ text: String) throws(SettingsError) -> Bool {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw SettingsError(source: source, problem: "not valid YAML: \(error)")
        }
        guard let root else { return false }
        guard let mapping = root.mapping else {
            throw SettingsError(
                source: source, line: root.mark?.line,
                problem: "the file must be a mapping of sections (watch:, state:, feed:, alerts:, log:)")
        }
        for (keyNode, value) in mapping {
            let section = keyNode.string ?? "\(keyNode)"
            guard SettingsSchema.sections.contains(section) else {
                throw unknown(section, at: keyNode)
            }
            if case .scalar(let scalar) = value, Self.isNull(scalar) { continue }
            guard let entries = value.mapping else {
                throw SettingsError(
                    source: source, key: section, line: value.mark?.line ?? keyNode.mark?.line,
                    problem: "is a section and must hold keys (like \(example(in: section)))")
            }
            for (nameNode, leaf) in entries {
                let key = "\(section).\(nameNode.string ?? "\(nameNode)")"
                guard let kind = SettingsSchema.keys[key] else { throw unknown(key, at: nameNode) }
                try checkValue(leaf, of: kind, key: key, line: leaf.mark?.line ?? nameNode.mark?.line)
            }
        }
        return true
    }

    private func checkValue(_ node: Node, of kind: SettingsSchema.Kind, key: String, line: Int?) throws(SettingsError) {
        func wrong(_ found: String) -> SettingsError {
            SettingsError(source: source, key: key, line: line, problem: "expected \(kind.phrase), found \(found)")
        }
        switch node {
        case .scalar(let scalar):
            if Self.isNull(scalar) { return }  // `key:` with no value leaves the default.
            let quoted = scalar.style != .plain
            switch kind {
            case .string:
                return
            case .bool:
                if quoted || Bool.construct(from: scalar) == nil { throw wrong("'\(scalar.string)'") }
            case .wholeNumber:
                if quoted || Int.construct(from: scalar) == nil { throw wrong("'\(scalar.string)'") }
            case .number:
                if quoted || Double.construct(from: scalar) == nil { throw wrong("'\(scalar.string)'") }
            case .stringList:
                throw wrong("the single value '\(scalar.string)' (write [\"\(scalar.string)\"])")
            case .wholeNumberList:
                throw wrong("the single value '\(scalar.string)' (write [\(scalar.string)])")
            }
        case .sequence(let sequence):
            guard kind == .stringList || kind == .wholeNumberList else { throw wrong("a list") }
            for item in sequence where item.scalar == nil {
                throw SettingsError(
                    source: source, key: key, line: item.mark?.line ?? line,
                    problem: "expected \(kind.phrase), found a nested structure in the list")
            }
            if kind == .wholeNumberList {
                for item in sequence {
                    guard let scalar = item.scalar, scalar.style == .plain, Int.construct(from: scalar) != nil else {
                        throw SettingsError(
                            source: source, key: key, line: item.mark?.line ?? line,
                            problem: "expected \(kind.phrase), found '\(item.scalar?.string ?? "\(item)")' in the list")
                    }
                }
            }
        case .mapping:
            throw wrong("a mapping")
        case .alias:
            return  // Resolved by the provider; anchors are rare in configuration.
        }
    }

    /// YAML 1.1's plain null forms; a quoted "null" is a string.
    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func unknown(_ key: String, at node: Node) -> SettingsError {
        let hint = SettingsSchema.nearest(to: key).map { "; did you mean '\($0)'?" } ?? ""
        return SettingsError(
            source: source, key: key, line: node.mark?.line,
            problem: "unknown key\(hint) (the README's Configuration table lists every key)")
    }

    private func example(in section: String) -> String {
        SettingsSchema.keys.keys.sorted().first { $0.hasPrefix(section + ".") }.map { String($0.dropFirst(section.count + 1)) + ": …" } ?? "key: value"
    }
}
