/// Command-line options of pdpcheck-bench (hand-parsed: the benchmark needs no dependencies).
struct BenchOptions {
    var megabytes: Double = 20
    var seed: UInt64 = 42
    var repeats = 5
    var writeText: String?
    var input: String?
    var json = false
    var passes = false

    static let usage = """
        usage: pdpcheck-bench [--megabytes N] [--seed S] [--repeat R] [--json] [--passes]
                              [--write-text FILE | --input FILE]

          --megabytes N     size of the generated text in MB (10^6 bytes), default 20
          --seed S          generator seed, default 42
          --repeat R        timed runs; best and median are reported, default 5
          --write-text FILE write the generated text to FILE and exit
          --input FILE      benchmark on FILE instead of generated text (no recall figures)
          --json            print one JSON line instead of text
          --passes          also time each shared pass alone (keywords, digit runs, names, phase 1)
        """

    enum ParseError: Error, CustomStringConvertible {
        case message(String)
        var description: String { if case .message(let m) = self { return m }; return "" }
    }

    static func parse(_ args: [String]) throws -> BenchOptions {
        var o = BenchOptions()
        var i = 0
        func value(_ name: String) throws -> String {
            i += 1
            guard i < args.count else { throw ParseError.message("missing value for \(name)") }
            return args[i]
        }
        while i < args.count {
            let a = args[i]
            switch a {
            case "--megabytes":
                guard let v = Double(try value(a)), v > 0 else { throw ParseError.message("--megabytes needs a positive number") }
                o.megabytes = v
            case "--seed":
                guard let v = UInt64(try value(a)) else { throw ParseError.message("--seed needs an unsigned integer") }
                o.seed = v
            case "--repeat":
                guard let v = Int(try value(a)), v > 0 else { throw ParseError.message("--repeat needs a positive integer") }
                o.repeats = v
            case "--write-text": o.writeText = try value(a)
            case "--input": o.input = try value(a)
            case "--json": o.json = true
            case "--passes": o.passes = true
            case "-h", "--help": throw ParseError.message(usage)
            default: throw ParseError.message("unknown option \(a)\n\(usage)")
            }
            i += 1
        }
        if o.writeText != nil && o.input != nil {
            throw ParseError.message("--write-text and --input exclude each other")
        }
        return o
    }
}
