/// Runs `body` over `items` with at most `jobs` at a time and returns the results in the
/// items' order, whatever order they finished in. Scanning and fixing share it, so both honour
/// `--jobs` and report progress the same way.
enum BoundedParallelMap {
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], jobs: Int, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
        _ body: @escaping @Sendable (Item) -> Result
    ) async -> [Result?] {
        var results = [Result?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            func submit() {
                let index = next
                let item = items[index]
                group.addTask { (index, body(item)) }
                next += 1
            }
            while next < min(max(1, jobs), items.count) { submit() }
            var done = 0
            for await (index, result) in group {
                results[index] = result
                done += 1
                progress?(done, items.count)
                if next < items.count { submit() }
            }
        }
        return results
    }
}
