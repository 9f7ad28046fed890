package analyzer

// ResetFlags puts the analyzer's flags back to their defaults, for tests.
func ResetFlags() {
	flagOptions = Options{}
}

// Exported for the package's tests.
var (
	ExtractDoc     = extractDoc
	DependencyPath = dependencyPath
	DocGo          = docGo
)
