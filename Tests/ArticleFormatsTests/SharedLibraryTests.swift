import SharedLibraries
import Testing

@testable import ArticleFormats

/// poppler-glib and GMime are loaded when the first PDF or e-mail arrives; a missing one is named.
@Suite struct SharedLibraryTests {
    @Test func aMissingLibraryIsNamedWithTheLinkersReason() {
        #expect {
            try SharedLibrary.open("libtariffwatch-absent.so.9")
        } throws: { error in
            let missing = error as? LibraryMissing
            return missing?.library == "libtariffwatch-absent.so.9"
                && missing?.description.hasPrefix("cannot load libtariffwatch-absent.so.9: ") == true
                && missing?.reason.contains("No such file") == true
        }
    }

    @Test func aMissingFunctionIsNamed() throws {
        let glib = try SharedLibrary.open("libglib-2.0.so.0")
        #expect(throws: LibraryMissing.self) { try glib.function("g_tariffwatch_absent", as: UnsafeRawPointer.self) }
        _ = try glib.function("g_free", as: UnsafeRawPointer.self)
    }

    @Test func aFileSkippedForALibraryNamesItAndTheFormat() {
        let error = FormatError.libraryMissing(.pdf, LibraryMissing(library: "libpoppler-glib.so.8", reason: "not found"))
        #expect(error.description == "a PDF is read with libpoppler-glib.so.8, which cannot be loaded: not found")
    }
}
