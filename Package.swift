// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pdpcheck",
    products: [
        .library(name: "PDPCheck", targets: ["PDPCheck"]),
        .executable(name: "pdpcheck", targets: ["pdpcheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMagic", pkgConfig: "libmagic",
            providers: [.apt(["libmagic-dev"]), .brew(["libmagic"])]),
        .systemLibrary(
            name: "CExif", pkgConfig: "libexif",
            providers: [.apt(["libexif-dev"]), .brew(["libexif"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "CSHA256"),
        .target(name: "CMallocTuning"),
        .target(
            name: "PDPCheck",
            dependencies: ["CMagic", "CExif", "CZlib", "CSHA256", .product(name: "Yams", package: "Yams")],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .executableTarget(
            name: "pdpcheck",
            dependencies: ["PDPCheck", "CMallocTuning", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "pdpcheck-bench",
            dependencies: ["PDPCheck"],
            path: "Benchmarks/Sources/pdpcheck-bench"),
        .testTarget(
            name: "PDPCheckTests",
            dependencies: ["PDPCheck"]),
    ]
)
